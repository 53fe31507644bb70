using System.Text;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Requests;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Tests.Validation;

public sealed class MinimalContractTests
{
    private static (InterviewRequest? Request, IReadOnlyList<FieldError> Errors) Run(string json)
    {
        var read = NativeJsonReader.Read(Encoding.UTF8.GetBytes(json));
        if (read.Error is not null) return (null, [read.Error]);
        var normalized = RequestNormalizer.Normalize(read.Body!);
        if (!normalized.Succeeded) return (null, normalized.Errors);
        return (normalized.Request, InterviewRequestValidator.Validate(normalized.Request!));
    }

    [Fact]
    public void Valid_request_with_strings_for_numbers_is_normalized()
    {
        var (request, errors) = Run("""{"ex_id":" 55 ","interview_duration":"30","interview_type":2,"action":"Interview","custom":{"a":[1,2]}}""");
        Assert.Empty(errors);
        Assert.Equal(30, request!.InterviewDuration);
        Assert.Equal("interview", request.Action);
        Assert.Equal("""{"ex_id":"55","action":"interview","interview_duration":30,"interview_type":2,"custom":{"a":[1,2]}}""", request.ToParadoxJson().ToJsonString());
    }

    [Fact]
    public void Every_rule_violation_is_reported_together()
    {
        var (_, errors) = Run("""{"action":"delete","interview_duration":3,"interview_type":20}""");
        Assert.Equal(["action", "interview_duration", "interview_type", "candidate"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("[1,2]", ErrorCodes.NotAnObject)]
    [InlineData("{\"a\":1,\"a\":2}", ErrorCodes.DuplicateKey)]
    [InlineData("{\"a\":", ErrorCodes.InvalidJson)]
    public void Unreadable_bodies_are_named(string body, string code)
    {
        var (_, errors) = Run(body);
        Assert.Equal(code, Assert.Single(errors).Code);
    }
}
