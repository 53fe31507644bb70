using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Validation;
using static InterviewAlerts.Core.Tests.BrassRing.BrassRingSamples;

namespace InterviewAlerts.Core.Tests.BrassRing;

public sealed class RequestInterpreterBrassRingTests
{
    private readonly RequestInterpreter _interpreter = new();

    [Fact]
    public void Valid_envelope_is_mapped_normalized_and_validated_like_native_json()
    {
        var interpretation = _interpreter.Interpret("text/xml; charset=utf-8", Bytes(Envelope(CompleteFields)));

        Assert.True(interpretation.IsValid);
        Assert.Equal(RequestShape.BrassRing, interpretation.Shape);
        Assert.Equal("TX-1", interpretation.Envelope!.TransactId);
        Assert.Equal("INTERVIEWDURATION", interpretation.Mapping!.SourceFields["interview_duration"]);
        Assert.Null(interpretation.ProblemDescription);
        Assert.Equal(
            """{"ex_id":"5530127","action":"interview","interview_duration":30,"interview_type":2,"first_name":"Dana","phone":"555-0100","email":"dana@example.org"}""",
            interpretation.Request!.ToParadoxJson().ToJsonString());
    }

    [Fact]
    public void Invalid_envelope_keeps_paradox_errors_and_adds_a_client_terms_description()
    {
        var interpretation = _interpreter.Interpret("application/xml", Bytes(Envelope("<CANDIDATEID>1</CANDIDATEID><INTERVIEWDURATION>3</INTERVIEWDURATION><INTERVIEWTYPE>2</INTERVIEWTYPE>")));

        Assert.False(interpretation.IsValid);
        Assert.Equal(ErrorCodes.OutOfRange, Assert.Single(interpretation.Errors).Code);
        Assert.Equal("INTERVIEWDURATION must be 5–415 minutes; got 3.", interpretation.ProblemDescription);
        Assert.Null(interpretation.MalformedReason);
    }

    [Fact]
    public void Malformed_envelope_reports_the_reason_and_what_was_salvaged()
    {
        var interpretation = _interpreter.Interpret("text/xml", Bytes(Envelope("<unclosed>")));

        Assert.Equal(RequestShape.BrassRing, interpretation.Shape);
        Assert.Contains("Payload of packet 1", interpretation.MalformedReason, StringComparison.Ordinal);
        Assert.Equal(interpretation.MalformedReason, interpretation.ProblemDescription);
        Assert.Equal(BrassRingErrorCodes.MalformedEnvelope, Assert.Single(interpretation.Errors).Code);
        Assert.Equal("TX-1", interpretation.Envelope!.TransactId);
    }

    [Fact]
    public void Native_json_keeps_todays_path()
    {
        var interpretation = _interpreter.Interpret("application/json", Bytes("""{"ex_id":"9","interview_duration":30,"interview_type":2}"""));

        Assert.True(interpretation.IsValid);
        Assert.Equal(RequestShape.Native, interpretation.Shape);
        Assert.Null(interpretation.Envelope);
        Assert.Null(interpretation.Mapping);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("multipart/form-data; boundary=x")]
    public void Other_media_types_are_unsupported(string contentType)
    {
        var interpretation = _interpreter.Interpret(contentType, Bytes(Envelope(CompleteFields)));

        Assert.True(interpretation.UnsupportedMediaType);
        Assert.Equal(ErrorCodes.UnsupportedMediaType, Assert.Single(interpretation.Errors).Code);
    }

    [Fact]
    public void Configured_mapper_is_used()
    {
        var options = new BrassRingMappingOptions();
        options.Mappings["*"] = new BrassRingManifestMapping();
        options.Mappings["*"].Defaults["interview_duration"] = "45";
        var interpreter = new RequestInterpreter(new BrassRingMapper(options));

        var interpretation = interpreter.Interpret(null, Bytes(Envelope("<CANDIDATEID>1</CANDIDATEID><INTERVIEWTYPE>1</INTERVIEWTYPE>")));

        Assert.True(interpretation.IsValid, interpretation.ProblemDescription);
        Assert.Equal(45, interpretation.Request!.InterviewDuration);
    }
}
