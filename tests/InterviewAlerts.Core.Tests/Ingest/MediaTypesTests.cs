using System.Text;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Tests.Ingest;

/// <summary>What a Content-Type means, decided in one place, and the form bodies that are (not) BrassRing.</summary>
public sealed class MediaTypesTests
{
    private readonly RequestInterpreter _interpreter = new();

    [Theory]
    [InlineData("application/json", BodyMediaKind.Json)]
    [InlineData("Application/JSON; charset=utf-8", BodyMediaKind.Json)]
    [InlineData("text/json", BodyMediaKind.Json)]
    [InlineData("application/vnd.x+json", BodyMediaKind.Json)]
    [InlineData("application/problem+json", BodyMediaKind.Json)]
    [InlineData("text/xml; charset=utf-8", BodyMediaKind.Xml)]
    [InlineData("application/xml", BodyMediaKind.Xml)]
    [InlineData("application/x-www-form-urlencoded", BodyMediaKind.FormEncoded)]
    [InlineData(null, BodyMediaKind.Unspecified)]
    [InlineData("  ", BodyMediaKind.Unspecified)]
    [InlineData("text/plain", BodyMediaKind.Other)]
    [InlineData("application/jsonp", BodyMediaKind.Other)]
    [InlineData("application/json, text/xml", BodyMediaKind.Other)]
    [InlineData(";;;;", BodyMediaKind.Other)]
    public void Content_types_are_classified(string? contentType, BodyMediaKind expected)
    {
        Assert.Equal(expected, MediaTypes.Classify(contentType));
    }

    [Theory]
    [InlineData("text/json")]
    [InlineData("application/vnd.x+json")]
    public void Json_media_types_carry_native_requests(string contentType)
    {
        var interpretation = _interpreter.Interpret(contentType, Encoding.UTF8.GetBytes("""{"ex_id":"C-1","interview_duration":30,"interview_type":2}"""));

        Assert.True(interpretation.IsValid, string.Join("; ", interpretation.Errors.Select(e => e.Message)));
        Assert.Equal(RequestShape.Native, interpretation.Shape);
    }

    [Theory]
    [InlineData("""{"ex_id":"C-1","interview_duration":30,"interview_type":2}""")]
    [InlineData("ex_id=C-1&interview_duration=30")]
    [InlineData("")]
    [InlineData("envelope=%3CEnvelope%2F%3E&x=1")]
    public void A_form_without_an_envelope_is_unsupported_and_says_what_to_send(string body)
    {
        var interpretation = _interpreter.Interpret("application/x-www-form-urlencoded", Encoding.UTF8.GetBytes(body));

        Assert.True(interpretation.UnsupportedMediaType);
        var error = Assert.Single(interpretation.Errors);
        Assert.Equal(ErrorCodes.UnsupportedMediaType, error.Code);
        Assert.Contains("application/json", error.Message, StringComparison.Ordinal);
        Assert.Contains("HRXMLDOC", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HRXMLDOC=%3CEnvelope%2F%3E")]
    [InlineData("hrxmldoc=%3CEnvelope%2F%3E")]
    [InlineData("payload=%3CEnvelope%2F%3E")]
    [InlineData("<Envelope/>")]
    public void A_form_carrying_an_envelope_is_BrassRing(string body)
    {
        var interpretation = _interpreter.Interpret("application/x-www-form-urlencoded", Encoding.UTF8.GetBytes(body));

        Assert.False(interpretation.UnsupportedMediaType);
        Assert.Equal(RequestShape.BrassRing, interpretation.Shape);
    }
}
