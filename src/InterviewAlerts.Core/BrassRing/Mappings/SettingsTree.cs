using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace InterviewAlerts.Core.BrassRing.Mappings;

/// <summary>
/// App settings under BrassRing:Mappings as the tree a mapping file would hold, so that one reader checks both.
/// Settings are text: a Fields list is written with indexes (Fields:phone:0, Fields:phone:1).
/// </summary>
internal static class SettingsTree
{
    public static JsonObject From(IConfigurationSection mappings)
    {
        var tree = new JsonObject();
        foreach (var manifest in mappings.GetChildren())
        {
            var entry = new JsonObject();
            foreach (var part in manifest.GetChildren())
            {
                entry[part.Key] = part.Key == MappingDocumentReader.FieldsKey ? FieldLists(part) : Node(part);
            }

            tree[manifest.Key] = manifest.GetChildren().Any() ? entry : Node(manifest);
        }

        return tree;
    }

    private static JsonNode FieldLists(IConfigurationSection fields)
    {
        if (!fields.GetChildren().Any()) return Node(fields)!;
        var lists = new JsonObject();
        foreach (var field in fields.GetChildren())
        {
            var items = field.GetChildren().ToList();
            var indexed = items.Count > 0 && items.All(item => int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _));
            lists[field.Key] = indexed
                ? new JsonArray([.. items.OrderBy(item => int.Parse(item.Key, CultureInfo.InvariantCulture)).Select(Node)])
                : Node(field);
        }

        return lists;
    }

    private static JsonNode? Node(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0) return section.Value is null ? null : JsonValue.Create(section.Value);
        var node = new JsonObject();
        foreach (var child in children) node[child.Key] = Node(child);
        return node;
    }
}
