using System.Text.RegularExpressions;

namespace InterviewAlerts.Core.Observability;

/// <summary>
/// Masks what looks like candidate contact data (emails, phone numbers) in text that came from outside,
/// such as Paradox's error messages, before it is shown on the status endpoint or written to a log.
/// </summary>
public static partial class PersonalDataRedactor
{
    public static string Redact(string text)
    {
        var masked = EmailPattern().Replace(text, "[email]");
        return PhonePattern().Replace(masked, "[phone]");
    }

    [GeneratedRegex(@"[^\s@""'<>(),;:]+@[^\s@""'<>(),;:]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\+?\(?\d[\d\s().-]{6,}\d", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex PhonePattern();
}
