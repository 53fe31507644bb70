using System.Globalization;
using System.Text.Json.Nodes;

namespace InterviewAlerts.Core.Validation;

/// <summary>
/// The single-field rules, each adding at most one error. Messages state the rule and what was received,
/// but for text fields only its length or shape: text may be candidate personal data.
/// </summary>
internal sealed class FieldChecks(List<FieldError> errors)
{
    /// <summary>Length in characters (Unicode scalar values), so an emoji counts once.</summary>
    public static int LengthOf(string text)
    {
        // Without surrogates every char is one scalar value; only text with them needs counting rune by rune.
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF')) return text.Length;
        var count = 0;
        foreach (var _ in text.EnumerateRunes()) count++;
        return count;
    }

    public bool MaxLength(string field, string? value, int max)
    {
        if (value is null) return true;
        var length = LengthOf(value);
        if (length <= max) return true;
        Add(field, ErrorCodes.TooLong, $"{field} may hold at most {max} characters; got {length}.");
        return false;
    }

    public void ItemsMaxLength(string field, IReadOnlyList<string>? items, int max)
    {
        if (items is null) return;
        for (var i = 0; i < items.Count; i++)
        {
            if (TooLong(field, i + 1, items[i], max)) return;
        }
    }

    /// <summary>Like <see cref="ItemsMaxLength"/> for the string items of an array (object items are not checked).</summary>
    public void StringItemsMaxLength(string field, JsonArray? items, int max)
    {
        if (items is null) return;
        var index = 0;
        foreach (var item in items)
        {
            if (item is not JsonValue value) continue;
            if (TooLong(field, ++index, value.GetValue<string>(), max)) return;
        }
    }

    public void Range(string field, int? value, int min, int max, string? meaning = null)
    {
        if (value is null || (value >= min && value <= max)) return;
        var rule = meaning ?? string.Create(CultureInfo.InvariantCulture, $"{min}–{max}");
        Add(field, ErrorCodes.OutOfRange, $"{field} must be {rule}; got {value}.");
    }

    public void Required<T>(string field, T? value, string rule)
    {
        if (value is null) Add(field, ErrorCodes.Required, $"{field} is required ({rule}).");
    }

    public void Email(string field, string? value, int? maxLength = null)
    {
        if (value is null || (maxLength is { } max && !MaxLength(field, value, max))) return;
        if (!EmailAddresses.IsWellFormed(value))
        {
            Add(field, ErrorCodes.InvalidEmail, $"{field} must be a well-formed email address such as name@example.com; the {LengthOf(value)} characters received are not one.");
        }
    }

    public void Emails(string field, IReadOnlyList<string>? values, int maxLength)
    {
        if (values is null) return;
        var before = errors.Count;
        ItemsMaxLength(field, values, maxLength);
        if (errors.Count > before) return;
        List<int>? bad = null;
        for (var i = 0; i < values.Count; i++)
        {
            if (!EmailAddresses.IsWellFormed(values[i])) (bad ??= []).Add(i + 1);
        }

        if (bad is not null)
        {
            Add(field, ErrorCodes.InvalidEmail,
                $"each {field} item must be a well-formed email address such as name@example.com; item(s) {string.Join(", ", bad)} are not.");
        }
    }

    public void Add(string field, string code, string message) => errors.Add(new FieldError(field, code, message));

    /// <summary>Adds the error of item number <paramref name="index"/> when it is longer than <paramref name="max"/>.</summary>
    private bool TooLong(string field, int index, string item, int max)
    {
        var length = LengthOf(item);
        if (length <= max) return false;
        Add(field, ErrorCodes.TooLong, $"each {field} item may hold at most {max} characters; item {index} has {length}.");
        return true;
    }
}
