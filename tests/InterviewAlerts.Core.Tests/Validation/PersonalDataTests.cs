using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Tests.Ingest;

namespace InterviewAlerts.Core.Tests.Validation;

/// <summary>Error answers end up in ATS logs: they must never repeat candidate or interviewer personal data.</summary>
public sealed class PersonalDataTests
{
    private static readonly string[] PersonalFields =
        ["first_name", "last_name", "phone", "email", "resume", "note", "interviewer_emails", "interview_owner_email", "interview_team", "alternate_interview_team"];

    [Fact]
    public void No_error_message_of_the_corpus_quotes_a_personal_value()
    {
        foreach (var corpusCase in NativeCorpus.All.Where(c => c.Body is JsonObject))
        {
            var messages = new RequestInterpreter().Interpret(null, corpusCase.Bytes).Errors.Select(e => e.Message).ToList();
            foreach (var value in PersonalValues(corpusCase.Body!.AsObject()))
            {
                Assert.DoesNotContain(messages, message => message.Contains(value, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Too_long_and_malformed_personal_values_are_described_by_length_only()
    {
        var body = """{"ex_id":"C-1","interview_duration":30,"interview_type":2,"first_name":"Maximiliana-Konstantina Von Ravensburg-Hohenstaufen","email":"maximiliana at example dot com","phone":"+49 170 1234567 890 12"}"""u8.ToArray();
        var errors = new RequestInterpreter().Interpret(null, body).Errors;

        Assert.Equal(["first_name", "phone", "email"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.DoesNotContain("axim", e.Message, StringComparison.Ordinal));
        Assert.DoesNotContain("170", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("got 51", errors[0].Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> PersonalValues(JsonObject body) =>
        PersonalFields.Select(field => body[field]).Where(value => value is not null).SelectMany(Strings)
            .Select(text => text.Trim()).Where(text => text.Length >= 4);

    private static IEnumerable<string> Strings(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => [node.GetValue<string>()],
        JsonValueKind.Number => [node.ToJsonString()],
        JsonValueKind.Array => node.AsArray().SelectMany(Strings),
        _ => [],
    };
}
