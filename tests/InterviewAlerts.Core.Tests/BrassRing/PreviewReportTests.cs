using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Ingest;
using static InterviewAlerts.Core.Tests.BrassRing.BrassRingSamples;

namespace InterviewAlerts.Core.Tests.BrassRing;

public sealed class PreviewReportTests
{
    private readonly RequestInterpreter _interpreter = new();

    [Fact]
    public void Valid_envelope_shows_shape_manifest_sources_ignored_elements_and_the_exact_json()
    {
        var interpretation = _interpreter.Interpret("text/xml", Bytes(Envelope(CompleteFields + "<JOBCODE>W-2</JOBCODE>")));

        var (text, exitCode) = PreviewReport.Render(interpretation);

        Assert.Equal(PreviewReport.ExitValid, exitCode);
        Assert.Contains("Shape: BrassRing", text, StringComparison.Ordinal);
        Assert.Contains($"Manifest: {Manifest}", text, StringComparison.Ordinal);
        Assert.Contains("Mapping: built-in aliases only", text, StringComparison.Ordinal);
        Assert.Matches(@"interview_type\s+← INTERVIEWTYPE", text);
        Assert.Matches(@"action\s+← \(default\)", text);
        Assert.Contains("Ignored elements (not sent to Paradox): JOBCODE", text, StringComparison.Ordinal);
        Assert.Contains("\"interview_type\": 2,", text, StringComparison.Ordinal);
        Assert.Contains("Result: VALID", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_are_listed_with_the_long_description_brassring_would_get()
    {
        var interpretation = _interpreter.Interpret("text/xml", Bytes(Envelope("<CANDIDATEID>1</CANDIDATEID><INTERVIEWTYPE>Coffee Chat</INTERVIEWTYPE>")));

        var (text, exitCode) = PreviewReport.Render(interpretation);

        Assert.Equal(PreviewReport.ExitProblems, exitCode);
        Assert.Contains("NOT sendable", text, StringComparison.Ordinal);
        Assert.Contains("Status 405", text, StringComparison.Ordinal);
        Assert.Contains("INTERVIEWTYPE must be an interview type number 1–19 or a name such as \"Phone Interview\"; got \"Coffee Chat\".", text, StringComparison.Ordinal);
        Assert.Contains("interview_type [invalid_type]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_body_shows_the_reason()
    {
        var (text, exitCode) = PreviewReport.Render(_interpreter.Interpret("text/xml", Bytes("<Envelope>")));

        Assert.Equal(PreviewReport.ExitProblems, exitCode);
        Assert.Contains("not well-formed XML", text, StringComparison.Ordinal);
    }
}
