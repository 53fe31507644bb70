using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Ingest;
using static InterviewAlerts.Core.Tests.BrassRing.BrassRingSamples;

namespace InterviewAlerts.Preview.Tests;

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

    [Fact]
    public void Translations_are_shown_with_element_and_values_and_personal_values_are_not()
    {
        var options = new BrassRingMappingOptions();
        var entry = new BrassRingManifestMapping();
        entry.Values["INTERVIEWTYPE"] = new(StringComparer.OrdinalIgnoreCase) { ["Video Call"] = "7" };
        entry.Values["EMAIL"] = new(StringComparer.OrdinalIgnoreCase) { ["dana@example.org"] = "dana.private@example.org" };
        options.Mappings[Manifest] = entry;
        var interpreter = new RequestInterpreter(new BrassRingMapper(options));

        var (text, exitCode) = PreviewReport.Render(interpreter.Interpret("text/xml",
            Bytes(Envelope(CompleteFields.Replace("Phone Interview", "Video Call", StringComparison.Ordinal)))));

        Assert.Equal(PreviewReport.ExitValid, exitCode);
        Assert.Matches(@"interview_type\s+← INTERVIEWTYPE: ""Video Call"" → 7", text);
        Assert.Matches(@"email\s+← EMAIL: \(personal value, not shown\)", text);
        var emailLine = text.Split('\n').Single(line => line.Contains("← EMAIL:", StringComparison.Ordinal));
        Assert.DoesNotContain("@", emailLine, StringComparison.Ordinal);
        Assert.Contains("\"interview_type\": 7,", text, StringComparison.Ordinal);
    }
}
