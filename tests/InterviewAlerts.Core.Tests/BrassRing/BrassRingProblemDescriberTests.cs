using System.Text.Json.Nodes;
using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Tests.BrassRing;

public sealed class BrassRingProblemDescriberTests
{
    private static BrassRingMapping Mapping(JsonObject request, Dictionary<string, string> sources) => new()
    {
        Request = request,
        SourceFields = sources,
        Manifest = "ACME_CANDIDATE",
        ElementsLookedFor = new Dictionary<string, IReadOnlyList<string>>
        {
            ["email"] = ["EMAIL"],
            ["phone"] = ["CELLPHONE"],
            ["ex_id"] = ["CANDIDATEID"],
            ["interview_type"] = ["INTERVIEWTYPE"],
        },
    };

    [Fact]
    public void Names_the_client_element_and_quotes_non_personal_values()
    {
        var mapping = Mapping(new JsonObject { ["interview_duration"] = "3" }, new() { ["interview_duration"] = "SLOTMINUTES" });

        var text = BrassRingProblemDescriber.Describe(
            [new FieldError("interview_duration", ErrorCodes.OutOfRange, "interview_duration must be 5–415 minutes; got 3.")], mapping);

        Assert.Equal("SLOTMINUTES must be 5–415 minutes; got 3.", text);
    }

    [Fact]
    public void Missing_fields_list_the_elements_looked_for_and_where_to_set_a_default()
    {
        var mapping = Mapping([], []);

        var text = BrassRingProblemDescriber.Describe(
        [
            new FieldError("interview_type", ErrorCodes.Required, "interview_type is required (1–19)."),
            new FieldError("candidate", ErrorCodes.CandidateUnidentifiable, "…"),
        ], mapping);

        Assert.Equal(
            "Missing interview type (INTERVIEWTYPE): add it to the export or set a default for manifest ACME_CANDIDATE in the BrassRing mapping. "
            + "Missing candidate email or phone (EMAIL, CELLPHONE) and candidate id (CANDIDATEID): add one of these elements to the export.",
            text);
    }

    [Fact]
    public void Never_quotes_personal_values_even_when_the_message_does()
    {
        var mapping = Mapping(new JsonObject { ["email"] = "dana.secret@example.org", ["first_name"] = "Dana" },
            new() { ["email"] = "EMAIL", ["first_name"] = "FIRSTNAME" });

        var text = BrassRingProblemDescriber.Describe(
        [
            new FieldError("email", "invalid_email", "email \"dana.secret@example.org\" is not an address."),
            new FieldError("first_name", ErrorCodes.TooLong, "first_name \"Dana\" is longer than 50."),
        ], mapping);

        Assert.DoesNotContain("dana", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("EMAIL is not accepted by Paradox as email (invalid_email)", text, StringComparison.Ordinal);
        Assert.Contains("FIRSTNAME is too long", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lists_are_cut_at_a_sentence_and_say_how_many_were_left_out()
    {
        var errors = Enumerable.Range(0, 60)
            .Select(i => new FieldError($"custom_field_{i}", ErrorCodes.InvalidType, $"custom_field_{i} must be a whole number."))
            .ToList();

        var text = BrassRingProblemDescriber.Describe(errors, Mapping([], []));

        Assert.True(text.Length <= BrassRingProblemDescriber.MaxLength, $"{text.Length} characters");
        Assert.Matches(@"\(and \d+ more problems\)$", text);
    }
}
