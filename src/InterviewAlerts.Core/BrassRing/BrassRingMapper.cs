using InterviewAlerts.Core.Requests;
using System.Globalization;
using System.Text.Json.Nodes;

namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// Maps an envelope's payload fields to Paradox field names. The candidate packet (the one that is not a
/// requisition packet) is read first; a requisition packet only fills what the candidate packet lacks.
/// Unknown payload elements are not sent (BrassRing payloads carry many client fields) but are reported.
/// </summary>
public sealed class BrassRingMapper(BrassRingMappingOptions options)
{
    private const string InterviewType = "interview_type";
    private const string InterviewerEmails = "interviewer_emails";
    private const string Action = "action";
    private const string DefaultAction = "interview";

    private static readonly char[] ListSeparators = [',', ';'];

    public BrassRingMapping Map(BrassRingEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var candidate = envelope.Packets.FirstOrDefault(packet => !packet.IsRequisition) ?? envelope.Packets.FirstOrDefault();
        var requisition = envelope.Packets.FirstOrDefault(packet => packet.IsRequisition && !ReferenceEquals(packet, candidate));
        var manifest = string.IsNullOrEmpty(candidate?.Manifest) ? null : candidate.Manifest;
        var config = EffectiveMapping.Resolve(options, manifest);

        var sources = new[] { candidate, requisition }.OfType<BrassRingPacket>().ToList();
        var used = new HashSet<(BrassRingPacket, int)>();
        var request = new JsonObject();
        var sourceFields = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookedFor = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

        foreach (var field in config.ParadoxFieldsInOrder())
        {
            var elements = config.ElementsFor(field);
            lookedFor[field] = elements;
            if (FindFirst(sources, elements) is not { } found) continue;

            used.Add((found.Packet, found.Index));
            request[field] = Convert(field, found.Value);
            sourceFields[field] = found.Name;
        }

        ApplyStatusAction(config, sources, used, request, sourceFields);
        var defaulted = ApplyDefaults(config, request);

        return new BrassRingMapping
        {
            Request = request,
            SourceFields = sourceFields,
            Manifest = manifest,
            IgnoredFields = IgnoredElements(sources, used),
            ElementsLookedFor = lookedFor,
            DefaultedFields = defaulted,
            ConfigurationEntries = config.EntryNames,
        };
    }

    private static void ApplyStatusAction(EffectiveMapping config, List<BrassRingPacket> sources,
        HashSet<(BrassRingPacket, int)> used, JsonObject request, Dictionary<string, string> sourceFields)
    {
        if (request.ContainsKey(Action) || config.StatusActions.Count == 0) return;
        if (FindFirst(sources, [BrassRingDefaultAliases.StatusElement]) is not { } status) return;
        if (!config.StatusActions.TryGetValue(status.Value, out var action)) return;

        used.Add((status.Packet, status.Index));
        request[Action] = action.Trim();
        sourceFields[Action] = status.Name;
    }

    private static List<string> ApplyDefaults(EffectiveMapping config, JsonObject request)
    {
        var defaulted = new List<string>();
        foreach (var (field, value) in config.Defaults)
        {
            if (request.ContainsKey(field) || string.IsNullOrWhiteSpace(value)) continue;
            request[field] = Convert(field, value.Trim());
            defaulted.Add(field);
        }

        if (!request.ContainsKey(Action))
        {
            request[Action] = DefaultAction;
            defaulted.Add(Action);
        }

        return defaulted;
    }

    private static JsonNode Convert(string field, string value)
    {
        if (field.Equals(InterviewType, StringComparison.OrdinalIgnoreCase)
            && !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            && InterviewTypes.TryParse(value, out var number))
        {
            return JsonValue.Create(number.ToString(CultureInfo.InvariantCulture));
        }

        if (field.Equals(InterviewerEmails, StringComparison.OrdinalIgnoreCase))
        {
            var emails = value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new JsonArray([.. emails.Select(email => (JsonNode)JsonValue.Create(email))]);
        }

        return JsonValue.Create(value);
    }

    private static (BrassRingPacket Packet, int Index, string Name, string Value)? FindFirst(
        List<BrassRingPacket> sources, IReadOnlyList<string> elements)
    {
        foreach (var packet in sources)
        {
            foreach (var element in elements)
            {
                for (var index = 0; index < packet.Fields.Count; index++)
                {
                    var (name, value) = packet.Fields[index];
                    if (value.Length > 0 && name.Equals(element, StringComparison.OrdinalIgnoreCase))
                        return (packet, index, name, value);
                }
            }
        }

        return null;
    }

    private static List<string> IgnoredElements(List<BrassRingPacket> sources, HashSet<(BrassRingPacket, int)> used)
    {
        var ignored = new List<string>();
        foreach (var packet in sources)
        {
            for (var index = 0; index < packet.Fields.Count; index++)
            {
                var name = packet.Fields[index].Key;
                if (!used.Contains((packet, index)) && !ignored.Contains(name, StringComparer.OrdinalIgnoreCase))
                    ignored.Add(name);
            }
        }

        return ignored;
    }
}
