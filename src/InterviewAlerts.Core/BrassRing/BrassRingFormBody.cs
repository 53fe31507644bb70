using System.Text;
using System.Web;

namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// Takes the envelope out of an application/x-www-form-urlencoded body: the HRXMLDOC field (seen in real
/// setups; its first value, whatever it holds), or the only field when there is just one and it holds XML (or
/// its JSON rendering). Raw XML labelled as form-encoded is taken as it is: decoding it would mangle "+" and "%".
/// Fields are read by the framework's parser (names case-insensitive).
/// </summary>
internal static class BrassRingFormBody
{
    public const string EnvelopeFieldName = "HRXMLDOC";

    /// <returns>The envelope's text (empty when the HRXMLDOC field is), or null when the form carries no envelope.</returns>
    public static string? Envelope(ReadOnlyMemory<byte> body)
    {
        var text = Encoding.UTF8.GetString(body.Span);
        var raw = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (raw.StartsWith('<')) return raw;

        var fields = HttpUtility.ParseQueryString(text);
        if (fields.GetValues(EnvelopeFieldName) is [var named, ..]) return Clean(named);

        var only = fields.Count == 1 && fields.GetKey(0) is { Length: > 0 } ? Clean(fields[0]) : null;
        return only is not null && (only.StartsWith('<') || only.StartsWith('{')) ? only : null;
    }

    private static string? Clean(string? value) => value?.Trim().TrimStart('\uFEFF');
}
