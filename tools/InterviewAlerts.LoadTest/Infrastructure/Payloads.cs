using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.LoadTest.Infrastructure;

internal enum Shape
{
    Native,
    BrassRing,
}

/// <summary>
/// Request bodies: the repository's native sample and the BrassRing reference envelope, each made unique per request
/// (ex_id / CANDIDATEID and TransactId) with fixed-width numbers, so every body of a shape has the same length.
/// </summary>
internal static partial class Payloads
{
    public const string NativeContentType = "application/json";
    public const string BrassRingContentType = "text/xml; charset=utf-8";

    private static readonly string NativeTemplate = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "native-request.json"));
    private static readonly string BrassRingTemplate = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "corpus", "brassring", "reference-sample.xml"));

    public static string BrassRingAuthorization { get; } =
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Stack.BrassRingUser + ":" + Stack.BrassRingPassword));

    /// <summary>A run tag of 6 characters keeps runs of the same process apart.</summary>
    public static string NewRunTag() => Random.Shared.Next(0x100000, 0xFFFFFF).ToString("x6", CultureInfo.InvariantCulture);

    /// <summary>The candidate id a request carries (ex_id in Paradox's body): unique per (tag, index).</summary>
    public static string CandidateId(string tag, int index) => $"LT{tag}{index:D8}";

    public static byte[] Native(string tag, int index) =>
        Encoding.UTF8.GetBytes(NativeTemplate.Replace("\"CAND-5530127\"", $"\"{CandidateId(tag, index)}\"", StringComparison.Ordinal));

    public static byte[] BrassRing(string tag, int index) =>
        Encoding.UTF8.GetBytes(BrassRingTemplate
            .Replace("<TransactId>HSCAND884213</TransactId>", $"<TransactId>TX{tag}{index:D8}</TransactId>", StringComparison.Ordinal)
            .Replace("<CANDIDATEID>5530127</CANDIDATEID>", $"<CANDIDATEID>{CandidateId(tag, index)}</CANDIDATEID>", StringComparison.Ordinal));

    public static byte[] Body(Shape shape, string tag, int index) => shape == Shape.Native ? Native(tag, index) : BrassRing(tag, index);

    public static string ContentType(Shape shape) => shape == Shape.Native ? NativeContentType : BrassRingContentType;

    public static string? Authorization(Shape shape) => shape == Shape.BrassRing ? BrassRingAuthorization : null;

    /// <summary>A body Paradox accepts as is (what the adapter would send for the native sample), for direct PUTs.</summary>
    public static byte[] ParadoxBody(string tag, int index) => Encoding.UTF8.GetBytes(
        $$"""{"ex_id":"{{CandidateId(tag, index)}}","job_req_id":"18842BR","action":"interview","interview_type":2,"interview_duration":30,"first_name":"Dana","last_name":"Okafor-Lindqvist","email":"dana.okafor@example.org","phone":"+1 555 014 2290","interviewer_emails":["k.moreau@acme.example"],"interview_owner_email":"p.singh@acme.example"}""");

    /// <summary>The tracking id in an acknowledgement (202 JSON or BrassRing envelope), if any.</summary>
    public static string? TrackingId(byte[] answer)
    {
        var match = TrackingIdPattern().Match(Encoding.UTF8.GetString(answer));
        return match.Success ? match.Value : null;
    }

    /// <summary>True for a BrassRing envelope that says "accepted" (Status 200 with a tracking id).</summary>
    public static bool IsBrassRingAccepted(byte[] answer)
    {
        var text = Encoding.UTF8.GetString(answer);
        return text.Contains("tracking id ia_", StringComparison.Ordinal);
    }

    /// <summary>The ex_id in a Paradox body, as text.</summary>
    public static string? ExId(string paradoxBody)
    {
        var match = ExIdPattern().Match(paradoxBody);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("ia_[0-9a-z]{26}", RegexOptions.CultureInvariant)]
    private static partial Regex TrackingIdPattern();

    [GeneratedRegex("\"ex_id\"\\s*:\\s*\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ExIdPattern();
}
