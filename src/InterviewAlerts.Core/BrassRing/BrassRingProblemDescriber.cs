using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Requests;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// Turns validation errors (named with Paradox fields) into a LongDescription in the client's own terms: it
/// names the client's element and says what to fix. Values are quoted only for non-personal fields, so a
/// candidate's name, email or phone never ends up on a recruiter's screen or in BrassRing's logs.
/// </summary>
public static class BrassRingProblemDescriber
{
    public const int MaxLength = 1000;

    private const string CandidateField = FieldNames.Candidate;

    public static string Describe(IReadOnlyList<FieldError> errors, BrassRingMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(mapping);

        var sentences = errors.Select(error => Sentence(error, mapping)).Distinct(StringComparer.Ordinal).ToList();
        return Join(sentences);
    }

    private static string Sentence(FieldError error, BrassRingMapping mapping)
    {
        var field = BaseField(error.Field);
        if (field == CandidateField || error.Code == ErrorCodes.CandidateUnidentifiable) return MissingIdentity(mapping);

        var element = ElementName(field, mapping);
        var got = QuotableValue(field, mapping) is { } value ? $"; got {value}" : "";
        var isPersonal = ParadoxFieldCatalog.Personal.Contains(field);

        return (error.Code, field) switch
        {
            (ErrorCodes.Required, _) => Missing(field, mapping),
            (ErrorCodes.OutOfRange, FieldNames.InterviewDuration) => $"{element} must be 5–415 minutes{got}.",
            (ErrorCodes.InvalidType, FieldNames.InterviewDuration) => $"{element} must be a whole number of minutes (5–415){got}.",
            (ErrorCodes.OutOfRange or ErrorCodes.InvalidType, FieldNames.InterviewType) =>
                $"{element} must be an interview type number 1–19 or a name such as \"Phone Interview\"{got}.",
            (ErrorCodes.NotAllowed, FieldNames.Action) => $"{element} must give the action interview, reschedule or cancel{got}.",
            (ErrorCodes.TooLong, _) => $"{element} is too long for Paradox's {field}; shorten it in BrassRing.",
            _ when isPersonal => $"{element} is not accepted by Paradox as {field} ({error.Code}); correct it in BrassRing.",
            _ => $"{element}: {EndSentence(error.Message)}",
        };
    }

    private static string MissingIdentity(BrassRingMapping mapping)
    {
        var contact = Looked(FieldNames.Email, mapping).Concat(Looked(FieldNames.Phone, mapping));
        var ids = Looked(FieldNames.ExId, mapping);
        return $"Missing candidate email or phone ({string.Join(", ", contact)}) and candidate id ({string.Join(", ", ids)}): "
            + "add one of these elements to the export.";
    }

    private static string Missing(string field, BrassRingMapping mapping)
    {
        var looked = Looked(field, mapping).ToList();
        var where = looked.Count > 0 ? $" ({string.Join(", ", looked)})" : "";
        var manifest = mapping.Manifest is { Length: > 0 } m ? $" for manifest {m}" : "";
        return $"Missing {Label(field)}{where}: add it to the export or set a default{manifest} in the BrassRing mapping.";
    }

    private static IEnumerable<string> Looked(string field, BrassRingMapping mapping) =>
        mapping.ElementsLookedFor.TryGetValue(field, out var names) ? names : [];

    private static string ElementName(string field, BrassRingMapping mapping)
    {
        if (mapping.SourceFields.TryGetValue(field, out var element)) return element;
        if (mapping.DefaultedFields.Contains(field, StringComparer.Ordinal))
            return mapping.Manifest is { Length: > 0 } m ? $"The default {field} for manifest {m}" : $"The default {field}";
        return field;
    }

    /// <summary>The received value, quoted, for non-personal scalar fields only.</summary>
    private static string? QuotableValue(string field, BrassRingMapping mapping)
    {
        if (ParadoxFieldCatalog.Personal.Contains(field)) return null;
        if (mapping.Request[field] is not JsonValue value || value.GetValueKind() != JsonValueKind.String) return null;

        var text = value.GetValue<string>();
        if (text.Length > 40) text = string.Concat(text.AsSpan(0, 40), "…");
        return int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _) ? text : $"\"{text}\"";
    }

    private static string Label(string field) => field switch
    {
        FieldNames.InterviewDuration => "interview duration in minutes",
        FieldNames.InterviewType => "interview type",
        _ => field.Replace('_', ' '),
    };

    /// <summary>"interviewer_emails[1]" or "$.interview_type" → the Paradox field it is about.</summary>
    private static string BaseField(string field)
    {
        var name = field.StartsWith("$.", StringComparison.Ordinal) ? field[2..] : field;
        var end = name.IndexOfAny(['[', '.']);
        return end < 0 ? name : name[..end];
    }

    private static string EndSentence(string text) => text.EndsWith('.') ? text : text + ".";

    /// <summary>Joins whole sentences up to <see cref="MaxLength"/>, then says how many were left out.</summary>
    private static string Join(List<string> sentences)
    {
        var text = new StringBuilder();
        for (var i = 0; i < sentences.Count; i++)
        {
            var more = sentences.Count - i - 1;
            var tail = more > 0 ? $" (and {more} more problems)" : "";
            var separator = text.Length > 0 ? " " : "";
            if (text.Length + separator.Length + sentences[i].Length + tail.Length > MaxLength)
            {
                var left = sentences.Count - i;
                var note = $"{separator}(and {left} more problems)";
                if (text.Length + note.Length <= MaxLength) text.Append(note);
                break;
            }

            text.Append(separator).Append(sentences[i]);
        }

        return text.Length > MaxLength ? text.ToString(0, MaxLength) : text.ToString();
    }
}
