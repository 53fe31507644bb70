using System.Buffers;
using System.Net.Mail;

namespace InterviewAlerts.Core.Validation;

/// <summary>Whether a value is a plain, well-formed email address such as <c>name@example.com</c>.</summary>
public static class EmailAddresses
{
    /// <summary>Letters, digits, "_", "+" and "-": characters of an atom that need no quoting anywhere in an address.</summary>
    private static readonly SearchValues<char> AtomChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+-");

    private static readonly SearchValues<char> LetterOrDigit =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>
    /// MailAddress alone accepts display-name forms ("Bob &lt;b@x.com&gt;") and domains without a dot, which
    /// Paradox cannot mail; the shape check closes those gaps.
    /// </summary>
    public static bool IsWellFormed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsPlainAddress(text) || IsWellFormedByMailAddress(text);
    }

    /// <summary>The full check: the shape, then <see cref="MailAddress"/> must read the text as exactly that address.</summary>
    internal static bool IsWellFormedByMailAddress(string text) =>
        HasSimpleShape(text)
        && MailAddress.TryCreate(text, out var address)
        && string.Equals(address.Address, text, StringComparison.Ordinal);

    /// <summary>
    /// The common case, decided without parsing: dot-separated atoms of letters, digits, "_", "+" and "-", an "@",
    /// then two or more dot-separated labels of letters, digits and inner "-". Every such text passes
    /// <see cref="IsWellFormedByMailAddress"/> (a test checks it on random texts); false means "not decided here".
    /// </summary>
    internal static bool IsPlainAddress(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0) return false;
        var local = text.AsSpan(0, at);
        var domain = text.AsSpan(at + 1);

        foreach (var atom in local.Split('.'))
        {
            if (atom.Start.Equals(atom.End) || local[atom].ContainsAnyExcept(AtomChars)) return false;
        }

        var labels = 0;
        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.IsEmpty || label.ContainsAnyExcept(AtomChars) || label.Contains('_') || label.Contains('+')
                || !LetterOrDigit.Contains(label[0]) || !LetterOrDigit.Contains(label[^1]))
            {
                return false;
            }

            labels++;
        }

        return labels >= 2;
    }

    private static bool HasSimpleShape(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != text.LastIndexOf('@') || HasWhiteSpace(text)) return false;
        var domain = text.AsSpan(at + 1);
        return domain.Contains('.')
            && !domain.StartsWith('.')
            && !domain.EndsWith('.')
            && !domain.Contains("..", StringComparison.Ordinal);
    }

    private static bool HasWhiteSpace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) return true;
        }

        return false;
    }
}
