using InterviewAlerts.Core.Paradox;
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
    private const string InterviewType = FieldNames.InterviewType;
    private const string InterviewerEmails = FieldNames.InterviewerEmails;
    private const string Action = FieldNames.Action;
    private const string DefaultAction = InterviewActions.Interview;

    private static readonly char[] ListSeparators = [',', ';'];

    /// <summary>Maps the envelope's first candidate packet (see <see cref="Map(BrassRingEnvelope, BrassRingPacket?)"/>).</summary>
    public BrassRingMapping Map(BrassRingEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return Map(envelope, envelope.CandidatePackets.FirstOrDefault());
    }

    /// <summary>Maps one candidate packet, completed by the envelope's requisition packets.</summary>
    public BrassRingMapping Map(BrassRingEnvelope envelope, BrassRingPacket? candidate)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var manifest = string.IsNullOrEmpty(candidate?.Manifest) ? null : candidate.Manifest;
        var config = EffectiveMapping.Resolve(options, manifest);

        var sources = new[] { candidate }.Concat(envelope.RequisitionPackets).OfType<BrassRingPacket>().Select(packet => new Source(packet)).ToList();
        var request = new JsonObject();
        var sourceFields = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookedFor = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var translations = new List<ValueTranslation>();

        foreach (var field in config.ParadoxFieldsInOrder())
        {
            var elements = config.ElementsFor(field);
            lookedFor[field] = elements;
            if (FindFirst(sources, elements) is not { } found) continue;

            found.Source.Used[found.Index] = true;
            request[field] = Convert(field, Translate(config, field, found.Name, found.Value, translations));
            sourceFields[field] = found.Name;
        }

        ApplyStatusAction(config, sources, request, sourceFields);
        var defaulted = ApplyDefaults(config, request);

        return new BrassRingMapping
        {
            Request = request,
            SourceFields = sourceFields,
            Manifest = manifest,
            IgnoredFields = IgnoredElements(sources),
            ElementsLookedFor = lookedFor,
            DefaultedFields = defaulted,
            ConfigurationEntries = config.EntryNames,
            Translations = translations,
        };
    }

    private static void ApplyStatusAction(EffectiveMapping config, List<Source> sources,
        JsonObject request, Dictionary<string, string> sourceFields)
    {
        if (request.ContainsKey(Action) || config.StatusActions.Count == 0) return;
        if (FindFirst(sources, [BrassRingDefaultAliases.StatusElement]) is not { } status) return;
        if (!config.StatusActions.TryGetValue(status.Value, out var action)) return;

        status.Source.Used[status.Index] = true;
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

    /// <summary>The configured translation of a value read from an element, noted as applied; else the value as sent.</summary>
    private static string Translate(EffectiveMapping config, string field, string element, string value, List<ValueTranslation> applied)
    {
        if (!config.TryTranslate(element, value, out var translated)) return value;
        var personal = ParadoxFieldCatalog.Personal.Contains(field);
        applied.Add(new ValueTranslation(field, element, personal ? null : value, personal ? null : translated));
        return translated;
    }

    /// <summary>A value as the loose request holds it: interview type names as numbers, interviewer emails as a list.</summary>
    internal static JsonNode Convert(string field, string value)
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

    /// <summary>
    /// The first field with a value, by packet (candidate first), then by element name in priority order, then in
    /// document order. Each packet is indexed once, so a lookup costs one hash probe instead of a scan per name.
    /// </summary>
    private static (Source Source, int Index, string Name, string Value)? FindFirst(List<Source> sources, IReadOnlyList<string> elements)
    {
        foreach (var source in sources)
        {
            foreach (var element in elements)
            {
                if (source.FirstWithValue.TryGetValue(element, out var index))
                {
                    var (name, value) = source.Packet.Fields[index];
                    return (source, index, name, value);
                }
            }
        }

        return null;
    }

    private static List<string> IgnoredElements(List<Source> sources)
    {
        var ignored = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in sources)
        {
            for (var index = 0; index < source.Packet.Fields.Count; index++)
            {
                var name = source.Packet.Fields[index].Key;
                if (!source.Used[index] && seen.Add(name)) ignored.Add(name);
            }
        }

        return ignored;
    }

    /// <summary>A packet being mapped: which of its fields were used, and where each name first has a value.</summary>
    private sealed class Source
    {
        public Source(BrassRingPacket packet)
        {
            Packet = packet;
            Used = new bool[packet.Fields.Count];
            FirstWithValue = new Dictionary<string, int>(packet.Fields.Count, StringComparer.OrdinalIgnoreCase);
            for (var index = 0; index < packet.Fields.Count; index++)
            {
                var (name, value) = packet.Fields[index];
                if (value.Length > 0) FirstWithValue.TryAdd(name, index);
            }
        }

        public BrassRingPacket Packet { get; }

        public bool[] Used { get; }

        /// <summary>Element name (any case) → index of its first occurrence with a non-empty value.</summary>
        public Dictionary<string, int> FirstWithValue { get; }
    }
}
