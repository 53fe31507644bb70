using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Requests;

namespace InterviewAlerts.Core.BrassRing.Mappings;

/// <summary>
/// Reads a mapping tree (a parsed mapping file, or the app settings turned into the same tree) into
/// <see cref="BrassRingMappingOptions"/>, checking every key and value on the way: unknown keys, unknown
/// Paradox fields, wrong value types, defaults the field rules refuse, unknown actions, repeated names.
/// docs/schema/brassring-mappings.schema.json describes the same shape.
/// </summary>
internal sealed class MappingDocumentReader
{
    public const string SchemaKey = "$schema";
    public const string BrassRingKey = "BrassRing";
    public const string MappingsKey = "Mappings";
    public const string FieldsKey = "Fields";
    public const string DefaultsKey = "Defaults";
    public const string StatusActionsKey = "StatusActions";
    public const string ValuesKey = "Values";

    private static readonly string[] EntryKeys = [FieldsKey, DefaultsKey, StatusActionsKey, ValuesKey];
    private static readonly string ActionList = string.Join(", ", InterviewActions.All);
    private const string FieldListFix = "use a Paradox field name as spelled in docs/integrators/native-json.md (lower case, e.g. \"interview_type\")";

    private readonly List<MappingProblem> _problems = [];

    public BrassRingMappingOptions Options { get; } = new();

    public IReadOnlyList<MappingProblem> Problems => _problems;

    /// <summary>A whole mapping file: <c>{"$schema"?, "BrassRing": {"Mappings": {...}}}</c>.</summary>
    public void ReadFile(JsonNode? root)
    {
        var path = MappingPath.FileRoot;
        if (ExpectObject(root, path, "a mapping file is a JSON object: {\"BrassRing\": {\"Mappings\": {...}}}") is not { } file) return;

        foreach (var (key, value) in file)
        {
            if (key == SchemaKey)
            {
                if (value?.GetValueKind() != JsonValueKind.String) Add(path.Property(key), "must be a string (the schema's address).", "write the schema's path as a string, or remove the key");
            }
            else if (key != BrassRingKey)
            {
                UnknownKey(path, key, [BrassRingKey, SchemaKey], "a mapping file holds only \"BrassRing\" (and \"$schema\")");
            }
        }

        var brassRingPath = path.Property(BrassRingKey);
        if (!file.TryGetPropertyValue(BrassRingKey, out var brassRing))
        {
            Add(brassRingPath, "is missing.", "put the mappings under {\"BrassRing\": {\"Mappings\": {...}}}");
            return;
        }

        if (ExpectObject(brassRing, brassRingPath, "write {\"Mappings\": {...}}") is not { } section) return;
        foreach (var (key, _) in section)
        {
            if (key != MappingsKey) UnknownKey(brassRingPath, key, [MappingsKey], "a mapping file holds only \"Mappings\" under \"BrassRing\"");
        }

        if (!section.TryGetPropertyValue(MappingsKey, out var mappings))
        {
            Add(brassRingPath.Property(MappingsKey), "is missing.", "add \"Mappings\": {} with one entry per Manifest");
            return;
        }

        ReadMappings(mappings, brassRingPath.Property(MappingsKey));
    }

    /// <summary>The manifest entries: Manifest (or "*") → entry.</summary>
    public void ReadMappings(JsonNode? node, MappingPath path)
    {
        if (ExpectObject(node, path, "write one entry per Manifest: {\"ACME_CANDIDATE\": {...}}") is not { } mappings) return;
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (manifest, value) in mappings)
        {
            var entryPath = path.Property(manifest);
            var key = manifest.Trim();
            if (key.Length == 0)
            {
                Add(entryPath, "a Manifest name is empty.", "name the entry after the export's Manifest, or \"*\" for every manifest");
                continue;
            }

            var canonical = key.Equals(BrassRingMappingOptions.AllManifestsAlias, StringComparison.OrdinalIgnoreCase) ? BrassRingMappingOptions.AllManifests : key;
            if (!seen.TryAdd(canonical, manifest))
            {
                Add(entryPath, $"repeats the entry \"{seen[canonical]}\" (Manifests match ignoring case; \"ALL\" is \"*\").", "merge the two entries into one");
                continue;
            }

            if (ReadEntry(value, entryPath) is { } entry) Options.Mappings[key] = entry;
        }
    }

    private BrassRingManifestMapping? ReadEntry(JsonNode? node, MappingPath path)
    {
        if (ExpectObject(node, path, "write {\"Fields\": {...}, \"Defaults\": {...}, \"StatusActions\": {...}, \"Values\": {...}} (each optional)") is not { } entry) return null;
        var mapping = new BrassRingManifestMapping();
        foreach (var (key, value) in entry)
        {
            var keyPath = path.Property(key);
            switch (key)
            {
                case FieldsKey: ReadFields(value, keyPath, mapping.Fields); break;
                case DefaultsKey: ReadDefaults(value, keyPath, mapping.Defaults); break;
                case StatusActionsKey: ReadStatusActions(value, keyPath, mapping.StatusActions); break;
                case ValuesKey: ReadValues(value, keyPath, mapping.Values); break;
                default: UnknownKey(path, key, EntryKeys, "an entry may hold only Fields, Defaults, StatusActions and Values"); break;
            }
        }

        return mapping;
    }

    private void ReadFields(JsonNode? node, MappingPath path, Dictionary<string, List<string>> fields)
    {
        if (ExpectObject(node, path, "write Paradox field → list of client element names, e.g. {\"phone\": [\"WORKPHONE\", \"CELLPHONE\"]}") is not { } map) return;
        foreach (var (field, value) in map)
        {
            var fieldPath = path.Property(field);
            if (!KnownField(field, fieldPath)) continue;
            if (value is not JsonArray list || list.Count == 0)
            {
                Add(fieldPath, $"must be a non-empty list of client element names; got {Describe(value)}.",
                    $"write a list, e.g. \"{field}\": [\"ELEMENTNAME\"] (as app settings: {field}:0, {field}:1, …)");
                continue;
            }

            var names = new List<string>();
            for (var index = 0; index < list.Count; index++)
            {
                if (NonEmptyText(list[index], path.Property(field).Item(index), "a client element name") is { } name) names.Add(name);
            }

            if (names.Count == list.Count) fields[field] = names;
        }
    }

    private void ReadDefaults(JsonNode? node, MappingPath path, Dictionary<string, string> defaults)
    {
        if (ExpectObject(node, path, "write Paradox field → value, e.g. {\"interview_duration\": 30}") is not { } map) return;
        foreach (var (field, value) in map)
        {
            var fieldPath = path.Property(field);
            if (!KnownField(field, fieldPath) || Scalar(value, fieldPath, $"a value for {field}") is not { } text) continue;
            if (CheckFieldValue(field, text, fieldPath, $"the default {field}", "correct the default or remove it")) defaults[field] = text;
        }
    }

    private void ReadStatusActions(JsonNode? node, MappingPath path, Dictionary<string, string> actions)
    {
        if (ExpectObject(node, path, "write HR status text → action, e.g. {\"Cancel Interview\": \"cancel\"}") is not { } map) return;
        foreach (var (status, value) in map)
        {
            var statusPath = path.Property(status);
            if (status.Trim().Length == 0)
            {
                Add(statusPath, "an HR status text is empty.", "write the STATUS text BrassRing sends, e.g. \"Cancel Interview\"");
                continue;
            }

            if (actions.ContainsKey(status.Trim()))
            {
                Add(statusPath, "repeats an HR status text (they match ignoring case).", "keep one of them");
                continue;
            }

            var action = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
            if (action is null || !InterviewActions.All.Contains(action, StringComparer.Ordinal))
            {
                Add(statusPath, $"must be one of the actions {ActionList}; got {Describe(value)}.",
                    $"write one of {ActionList}{NearestName.Hint(action ?? "", InterviewActions.All)}");
                continue;
            }

            actions[status.Trim()] = action;
        }
    }

    private void ReadValues(JsonNode? node, MappingPath path, Dictionary<string, Dictionary<string, string>> values)
    {
        if (ExpectObject(node, path, "write client element → {value as sent → value for Paradox}, e.g. {\"INTERVIEWTYPE\": {\"Video Call\": 7}}") is not { } map) return;
        foreach (var (element, value) in map)
        {
            var elementPath = path.Property(element);
            if (element.Trim().Length == 0)
            {
                Add(elementPath, "a client element name is empty.", "write the element name as the payload has it, e.g. \"INTERVIEWTYPE\"");
                continue;
            }

            if (values.ContainsKey(element.Trim()))
            {
                Add(elementPath, "repeats a client element (element names match ignoring case).", "merge the two into one");
                continue;
            }

            if (ExpectObject(value, elementPath, "write value as sent → value for Paradox, e.g. {\"Video Call\": 7}") is not { } translations) continue;
            var read = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (from, to) in translations)
            {
                var fromPath = elementPath.Property(from);
                if (from.Trim().Length == 0) Add(fromPath, "a value to translate is empty.", "write the value as BrassRing sends it");
                else if (read.ContainsKey(from.Trim())) Add(fromPath, "repeats a value to translate (values match ignoring case).", "keep one of them");
                else if (Scalar(to, fromPath, "the value for Paradox") is { } text) read[from.Trim()] = text;
            }

            values[element.Trim()] = read;
        }
    }

    /// <summary>Checks a value against the rules of one Paradox field; true when it is accepted.</summary>
    public bool CheckFieldValue(string field, string value, MappingPath path, string what, string fix)
    {
        var errors = MappingValueCheck.Check(field, value);
        foreach (var error in errors) Add(path, $"{what} is not accepted: {error.Message}", fix);
        return errors.Count == 0;
    }

    public void Add(MappingPath path, string message, string fix) => _problems.Add(new MappingProblem(path.ToString(), message, fix));

    private bool KnownField(string field, MappingPath path)
    {
        if (ParadoxFieldCatalog.IsKnown(field)) return true;
        Add(path, $"\"{field}\" is not a Paradox field{NearestName.Hint(field, ParadoxFieldCatalog.Names)}.", FieldListFix);
        return false;
    }

    private void UnknownKey(MappingPath parent, string key, IReadOnlyList<string> known, string rule) =>
        Add(parent.Property(key), $"unknown key \"{key}\"{NearestName.Hint(key, known)}; {rule}.",
            $"rename it to one of {string.Join(", ", known.Select(k => $"\"{k}\""))} or remove it");

    private JsonObject? ExpectObject(JsonNode? node, MappingPath path, string fix)
    {
        if (node is JsonObject obj) return obj;
        Add(path, $"must be an object; got {Describe(node)}.", fix);
        return null;
    }

    private string? NonEmptyText(JsonNode? node, MappingPath path, string what)
    {
        if (node?.GetValueKind() == JsonValueKind.String && node.GetValue<string>().Trim() is { Length: > 0 } text) return text;
        Add(path, $"must be {what} (a non-empty string); got {Describe(node)}.", $"write {what} as a string");
        return null;
    }

    /// <summary>A string, number or boolean as text (numbers as written); anything else is a problem.</summary>
    private string? Scalar(JsonNode? node, MappingPath path, string what)
    {
        var text = node?.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>().Trim(),
            JsonValueKind.Number => node.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        if (text is { Length: > 0 }) return text;
        Add(path, $"must be {what} (a non-empty string, number or boolean); got {Describe(node)}.", $"write {what} as a single value");
        return null;
    }

    private static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => node.GetValue<string>().Trim().Length == 0 ? "an empty string" : $"the string {Quote(node.GetValue<string>())}",
        JsonValueKind.Number => $"the number {node.ToJsonString()}",
        _ => node.ToJsonString(),
    };

    private static string Quote(string text) => text.Length <= 40 ? $"\"{text}\"" : $"\"{text[..40]}…\"";
}
