using System.Net.Mail;

namespace InterviewAlerts.Core.Validation;

/// <summary>Whether a value is a plain, well-formed email address such as <c>name@example.com</c>.</summary>
public static class EmailAddresses
{
    /// <summary>
    /// MailAddress alone accepts display-name forms ("Bob &lt;b@x.com&gt;") and domains without a dot, which
    /// Paradox cannot mail; the shape check closes those gaps.
    /// </summary>
    public static bool IsWellFormed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return HasSimpleShape(text)
            && MailAddress.TryCreate(text, out var address)
            && string.Equals(address.Address, text, StringComparison.Ordinal);
    }

    private static bool HasSimpleShape(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != text.LastIndexOf('@') || text.Any(char.IsWhiteSpace)) return false;
        var domain = text[(at + 1)..];
        return domain.Contains('.', StringComparison.Ordinal)
            && !domain.StartsWith('.')
            && !domain.EndsWith('.')
            && !domain.Contains("..", StringComparison.Ordinal);
    }
}
