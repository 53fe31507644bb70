using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace InterviewAlerts.Core.Observability;

/// <summary>
/// Masks candidate data in text that came from outside, such as Paradox's error messages, before it is stored,
/// shown on the status endpoint or written to a log: every value the request itself carried (names, ids, emails,
/// phones, any field), and anything else that looks like an email address or a phone number.
/// </summary>
public static partial class PersonalDataRedactor
{
    public const string Mask = "[redacted]";

    /// <summary>Shorter numbers (durations, type codes) say nothing about a person and would mask status codes.</summary>
    private const int MinNumberDigits = 3;

    public static string Redact(string text)
    {
        var masked = EmailPattern().Replace(text, "[email]");
        return PhonePattern().Replace(masked, "[phone]");
    }

    /// <summary>Masks every value of <paramref name="requestBody"/> (a JSON document) found in the text, then contact data.</summary>
    public static string Redact(string text, ReadOnlySpan<byte> requestBody) => Redact(MaskValues(text, ValuesOf(requestBody)));

    /// <summary>The request's scalar values worth masking, longest first (so a value containing another goes first).</summary>
    public static IReadOnlyList<string> ValuesOf(ReadOnlySpan<byte> json)
    {
        var values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        var text = reader.GetString()!.Trim();
                        if (text.Length >= 2) values.Add(text);
                        // Comma-separated lists (interviewer emails, ids) appear in errors item by item.
                        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                        {
                            if (item.Length >= 2) values.Add(item);
                        }

                        break;
                    case JsonTokenType.Number:
                        var digits = Encoding.UTF8.GetString(reader.ValueSpan);
                        if (digits.Count(char.IsAsciiDigit) >= MinNumberDigits) values.Add(digits);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A body that is not JSON has no values to look for; contact-data masking still applies.
        }

        return [.. values.OrderByDescending(v => v.Length)];
    }

    /// <summary>Replaces whole-word occurrences (case-insensitive) of each value, so "Al" does not mask part of "Alert"
    /// and "interview" not part of "interview_type".</summary>
    private static string MaskValues(string text, IReadOnlyList<string> values)
    {
        foreach (var value in values)
        {
            var builder = (StringBuilder?)null;
            var start = 0;
            var from = 0;
            while (from <= text.Length - value.Length)
            {
                var at = text.IndexOf(value, from, StringComparison.OrdinalIgnoreCase);
                if (at < 0) break;
                var end = at + value.Length;
                if (IsBoundary(text, at - 1) && IsBoundary(text, end))
                {
                    builder ??= new StringBuilder(text.Length);
                    builder.Append(text, start, at - start).Append(Mask);
                    start = end;
                    from = end;
                }
                else
                {
                    from = at + 1;
                }
            }

            if (builder is not null) text = builder.Append(text, start, text.Length - start).ToString();
        }

        return text;
    }

    private static bool IsBoundary(string text, int index) =>
        index < 0 || index >= text.Length || !(char.IsLetterOrDigit(text[index]) || text[index] == '_');

    [GeneratedRegex(@"[^\s@""'<>(),;:]+@[^\s@""'<>(),;:]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\+?\(?\d[\d\s().-]{6,}\d", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex PhonePattern();
}
