using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Requests;

namespace InterviewAlerts.Preview;

/// <summary>
/// The onboarding preview: what shape was detected, which mapping applied, where each Paradox field came
/// from, which values were translated, what was ignored, the exact Paradox JSON, and every problem in the
/// client's terms.
/// </summary>
public static class PreviewReport
{
    public const int ExitValid = 0;
    public const int ExitProblems = 1;

    private static readonly JsonSerializerOptions Indented = new(ParadoxJson.Options) { WriteIndented = true };

    public static (string Text, int ExitCode) Render(Interpretation interpretation)
    {
        ArgumentNullException.ThrowIfNull(interpretation);
        var text = new StringBuilder();
        text.AppendLine($"Shape: {interpretation.Shape}");

        if (interpretation.Envelope is { } envelope) AppendEnvelope(text, envelope);
        if (interpretation.Mapping is { } mapping) AppendMapping(text, mapping);

        if (interpretation.Request is { } request)
        {
            text.AppendLine("Paradox request (exactly what will be sent):");
            text.AppendLine(JsonNode.Parse(request.ToParadoxUtf8())!.ToJsonString(Indented));
        }
        else if (interpretation.Mapping is { } failed)
        {
            text.AppendLine("Paradox request (as mapped; NOT sendable until the problems are fixed):");
            text.AppendLine(failed.Request.ToJsonString(Indented));
        }

        AppendOutcome(text, interpretation);
        return (text.ToString(), interpretation.IsValid ? ExitValid : ExitProblems);
    }

    private static void AppendEnvelope(StringBuilder text, BrassRingEnvelope envelope)
    {
        text.AppendLine($"Sender: Id \"{envelope.SenderId}\", Credential (client id) \"{envelope.SenderCredential}\"");
        text.AppendLine($"TransactId: \"{envelope.TransactId}\"  TimeStamp: \"{envelope.TimeStamp}\"");
        foreach (var packet in envelope.Packets)
        {
            var role = packet.IsRequisition ? "requisition" : "candidate";
            text.AppendLine($"Packet {packet.PacketId} ({role}): Manifest \"{packet.Manifest}\", Action \"{packet.Action}\", "
                + $"payload <{packet.PayloadRootName}> with {packet.Fields.Count} fields");
        }
    }

    private static void AppendMapping(StringBuilder text, BrassRingMapping mapping)
    {
        text.AppendLine($"Manifest: {mapping.Manifest ?? "(none)"}");
        text.AppendLine(mapping.ConfigurationEntries.Count == 0
            ? "Mapping: built-in aliases only (no configuration entry for this manifest or \"*\")"
            : $"Mapping: configuration entries {string.Join(", ", mapping.ConfigurationEntries.Select(e => $"\"{e}\""))} over the built-in aliases");

        text.AppendLine("Mapped fields (Paradox field ← client element):");
        foreach (var (field, _) in mapping.Request)
        {
            var source = mapping.SourceFields.TryGetValue(field, out var element) ? element : "(default)";
            text.AppendLine($"  {field,-24} ← {source}");
        }

        if (mapping.Translations.Count > 0)
        {
            text.AppendLine("Translated values (Paradox field ← client element: as sent → as mapped):");
            foreach (var translation in mapping.Translations)
            {
                var change = translation.From is null ? "(personal value, not shown)" : $"\"{translation.From}\" → {translation.To}";
                text.AppendLine($"  {translation.Field,-24} ← {translation.Element}: {change}");
            }
        }

        text.AppendLine(mapping.IgnoredFields.Count == 0
            ? "Ignored elements: none"
            : $"Ignored elements (not sent to Paradox): {string.Join(", ", mapping.IgnoredFields)}");
    }

    private static void AppendOutcome(StringBuilder text, Interpretation interpretation)
    {
        if (interpretation.IsValid)
        {
            text.AppendLine("Result: VALID — BrassRing would get Status 200 and the request would be queued for Paradox.");
            return;
        }

        text.AppendLine("Problems:");
        foreach (var error in interpretation.Errors)
        {
            text.AppendLine($"  - {error.Field} [{error.Code}]: {error.Message}");
        }

        if (interpretation.Shape == RequestShape.BrassRing)
        {
            var description = interpretation.ProblemDescription ?? interpretation.MalformedReason ?? "";
            text.AppendLine($"Result: INVALID — BrassRing would get Status 405 with LongDescription:");
            text.AppendLine($"  {description}");
        }
        else
        {
            text.AppendLine(interpretation.UnsupportedMediaType
                ? "Result: INVALID — HTTP 415 (unsupported media type)."
                : "Result: INVALID — HTTP 400 with the problems above.");
        }
    }
}
