using System.Text;

namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// Takes the envelope out of an application/x-www-form-urlencoded body: the HRXMLDOC field (seen in real
/// setups), or the only field when there is just one.
/// </summary>
internal static class BrassRingFormBody
{
    public const string EnvelopeFieldName = "HRXMLDOC";

    public static (string? Envelope, string? Problem) Extract(string body)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            fields.Add(new(Decode(name).Trim(), Decode(value)));
        }

        var named = fields.FirstOrDefault(field => field.Key.Equals(EnvelopeFieldName, StringComparison.OrdinalIgnoreCase));
        if (named.Key is not null) return (named.Value, null);
        if (fields.Count == 1) return (fields[0].Value, null);

        var names = fields.Count == 0 ? "none" : string.Join(", ", fields.Select(field => field.Key).Take(5));
        return (null, $"The form-encoded body has no {EnvelopeFieldName} field holding the envelope (fields: {Truncate(names)}).");
    }

    private static string Decode(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));

    private static string Truncate(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 120), "…");

    public static string ReadUtf8(ReadOnlyMemory<byte> body) => Encoding.UTF8.GetString(body.Span);
}
