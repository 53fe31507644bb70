using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InterviewAlerts.Infra.Tests.Support;

/// <summary>
/// Best-effort, offline evaluation of compiled ARM values: follows variables(), parameters() (into the
/// parent deployment or the default value), createObject(), union(), format(), if() and a few string
/// functions. What cannot be known before deployment (reference(), environment(), uniqueString() …) stays
/// as its expression text "[…]", so a test can still see WHERE a value comes from (e.g. no listKeys()).
/// An if() with an unknown condition over two objects yields both objects merged (an over-approximation:
/// every key that MAY be set).
/// </summary>
internal static partial class ArmEvaluator
{
    public static JsonNode? Evaluate(JsonNode? value, ArmScope scope, int? copyIndex = null) =>
        new Context(scope, copyIndex, null).Value(value);

    /// <summary>Evaluates as if main.bicep had been deployed with the given parameter values.</summary>
    public static JsonNode? Evaluate(JsonNode? value, ArmScope scope, IReadOnlyDictionary<string, JsonNode?> rootParameters) =>
        new Context(scope, null, rootParameters).Value(value);

    /// <summary>All names of a resource: one per copy-loop iteration, or its single name.</summary>
    public static IReadOnlyList<string> Names(ArmResource resource)
    {
        if (resource.Json["copy"] is JsonObject copy)
        {
            var count = Evaluate(copy["count"], resource.Scope);
            if (count is JsonValue countValue && countValue.TryGetValue<long>(out var n))
            {
                return Enumerable.Range(0, (int)n)
                    .Select(i => Evaluate(resource.Json["name"], resource.Scope, i)?.ToString() ?? string.Empty)
                    .ToList();
            }
        }

        return [Evaluate(resource.Json["name"], resource.Scope)?.ToString() ?? string.Empty];
    }

    private sealed class Context(ArmScope scope, int? copyIndex, IReadOnlyDictionary<string, JsonNode?>? rootParameters)
    {
        public JsonNode? Value(JsonNode? value) => value switch
        {
            null => null,
            JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Value(p.Value)))),
            JsonArray array => new JsonArray(array.Select(Value).ToArray()),
            JsonValue v when v.TryGetValue<string>(out var text) => String(text),
            _ => value.DeepClone(),
        };

        private JsonNode? String(string text)
        {
            if (ArmExpression.IsExpression(text))
            {
                return Node(ArmExpression.Parse(text));
            }

            return JsonValue.Create(text.StartsWith("[[", StringComparison.Ordinal) ? text[1..] : text);
        }

        private static JsonValue Unresolved(ArmNode node) => JsonValue.Create($"[{node.Source}]");

        private static bool IsUnresolved(JsonNode? node) =>
            node is JsonValue value && value.TryGetValue<string>(out var text) && ArmExpression.IsExpression(text);

        private static string Text(JsonNode? node) => node switch
        {
            null => string.Empty,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            _ => node.ToJsonString(),
        };

        private JsonNode? Node(ArmNode node)
        {
            switch (node)
            {
                case ArmString s:
                    return JsonValue.Create(s.Value);
                case ArmNumber n:
                    return JsonValue.Create(n.Value);
                case ArmProperty property:
                    {
                        var target = Node(property.Target);
                        return target is JsonObject obj && obj.TryGetPropertyValue(property.Name, out var member)
                            ? member?.DeepClone()
                            : Unresolved(node);
                    }

                case ArmIndex index:
                    {
                        var target = Node(index.Target);
                        var at = Node(index.Index);
                        if (target is JsonArray array && at is JsonValue atValue && atValue.TryGetValue<long>(out var i)
                            && i >= 0 && i < array.Count)
                        {
                            return array[(int)i]?.DeepClone();
                        }

                        return Unresolved(node);
                    }

                case ArmCall call:
                    return Call(call);
                default:
                    return Unresolved(node);
            }
        }

        private JsonNode? Call(ArmCall call)
        {
            var args = call.Arguments;
            switch (call.Name.ToLowerInvariant())
            {
                case "true":
                    return JsonValue.Create(true);
                case "false":
                    return JsonValue.Create(false);
                case "null":
                    return null;
                case "copyindex" when copyIndex is not null:
                    return JsonValue.Create((long)copyIndex.Value);
                case "variables" when args is [ArmString name]:
                    return scope.Variables.TryGetPropertyValue(name.Value, out var variable)
                        ? Value(variable)
                        : Unresolved(call);
                case "parameters" when args is [ArmString name]:
                    return Parameter(name.Value, call);
                case "createobject":
                    {
                        var result = new JsonObject();
                        for (var i = 0; i + 1 < args.Count; i += 2)
                        {
                            result[Text(Node(args[i]))] = Node(args[i + 1]);
                        }

                        return result;
                    }

                case "createarray":
                    return new JsonArray(args.Select(Node).ToArray());
                case "union":
                    {
                        var parts = args.Select(Node).ToList();
                        if (parts.All(p => p is JsonObject))
                        {
                            var merged = new JsonObject();
                            foreach (var part in parts.Cast<JsonObject>())
                            {
                                foreach (var (key, value) in part)
                                {
                                    merged[key] = value?.DeepClone();
                                }
                            }

                            return merged;
                        }

                        return Unresolved(call);
                    }

                case "if" when args.Count == 3:
                    {
                        var condition = Node(args[0]);
                        if (condition is JsonValue c && c.TryGetValue<bool>(out var which))
                        {
                            return Node(which ? args[1] : args[2]);
                        }

                        var whenTrue = Node(args[1]);
                        var whenFalse = Node(args[2]);
                        if (whenTrue is JsonObject t && whenFalse is JsonObject f)
                        {
                            var merged = (JsonObject)f.DeepClone();
                            foreach (var (key, value) in t)
                            {
                                merged[key] = value?.DeepClone();
                            }

                            return merged;
                        }

                        return Unresolved(call);
                    }

                case "equals" when args.Count == 2:
                    {
                        var left = Node(args[0]);
                        var right = Node(args[1]);
                        return IsUnresolved(left) || IsUnresolved(right)
                            ? Unresolved(call)
                            : JsonValue.Create(JsonNode.DeepEquals(left, right));
                    }

                case "not" when args.Count == 1:
                    return Node(args[0]) is JsonValue operand && operand.TryGetValue<bool>(out var truth)
                        ? JsonValue.Create(!truth)
                        : Unresolved(call);
                case "empty" when args.Count == 1:
                    {
                        var value = Node(args[0]);
                        return value switch
                        {
                            null => JsonValue.Create(true),
                            JsonObject o => JsonValue.Create(o.Count == 0),
                            JsonArray a => JsonValue.Create(a.Count == 0),
                            _ when IsUnresolved(value) => Unresolved(call),
                            JsonValue v when v.TryGetValue<string>(out var text) => JsonValue.Create(text.Length == 0),
                            _ => Unresolved(call),
                        };
                    }

                case "length" when args.Count == 1:
                    {
                        var value = Node(args[0]);
                        return value switch
                        {
                            JsonArray a => JsonValue.Create((long)a.Count),
                            JsonObject o => JsonValue.Create((long)o.Count),
                            _ => Unresolved(call),
                        };
                    }

                case "format" when args.Count >= 1:
                    {
                        var format = Node(args[0]);
                        if (IsUnresolved(format) || format is not JsonValue)
                        {
                            return Unresolved(call);
                        }

                        var values = args.Skip(1).Select(a => Text(Node(a))).ToList();
                        return JsonValue.Create(Placeholder().Replace(
                            Text(format),
                            m => values[int.Parse(m.Groups["i"].Value, CultureInfo.InvariantCulture)]));
                    }

                case "concat" when args.Count >= 1:
                    {
                        var parts = args.Select(Node).ToList();
                        if (parts.All(p => p is JsonArray))
                        {
                            return new JsonArray(parts.Cast<JsonArray>().SelectMany(a => a).Select(n => n?.DeepClone()).ToArray());
                        }

                        var builder = new StringBuilder();
                        foreach (var part in parts)
                        {
                            builder.Append(Text(part));
                        }

                        return JsonValue.Create(builder.ToString());
                    }

                case "tolower" when args.Count == 1:
                    return StringFunction(call, text => text.ToLowerInvariant());
                case "toupper" when args.Count == 1:
                    return StringFunction(call, text => text.ToUpperInvariant());
                case "subscriptionresourceid":
                    return JsonValue.Create(
                        $"/subscriptions/[subscription().subscriptionId]/providers/{ResourcePath(args)}");
                case "resourceid":
                    return JsonValue.Create(
                        $"/subscriptions/[subscription().subscriptionId]/resourceGroups/[resourceGroup().name]/providers/{ResourcePath(args)}");
                default:
                    return Unresolved(call);
            }
        }

        private string ResourcePath(IReadOnlyList<ArmNode> args)
        {
            var type = Text(Node(args[0])).Split('/');
            var names = args.Skip(1).Select(a => Text(Node(a))).ToList();
            var path = new StringBuilder(type[0]);
            for (var i = 1; i < type.Length; i++)
            {
                path.Append('/').Append(type[i]).Append('/').Append(i - 1 < names.Count ? names[i - 1] : "?");
            }

            return path.ToString();
        }

        private JsonNode? StringFunction(ArmCall call, Func<string, string> apply)
        {
            var value = Node(call.Arguments[0]);
            return value is JsonValue v && !IsUnresolved(v) && v.TryGetValue<string>(out var text)
                ? JsonValue.Create(apply(text))
                : Unresolved(call);
        }

        private JsonNode? Parameter(string name, ArmCall call)
        {
            if (scope.Parent is null && rootParameters is not null && rootParameters.TryGetValue(name, out var given))
            {
                return given?.DeepClone();
            }

            if (scope.PassedParameters?[name] is JsonObject passed && passed.TryGetPropertyValue("value", out var value)
                && scope.Parent is not null)
            {
                return new Context(scope.Parent, null, rootParameters).Value(value);
            }

            if (scope.Parameters[name] is JsonObject declared && declared.TryGetPropertyValue("defaultValue", out var defaultValue))
            {
                return Value(defaultValue);
            }

            return Unresolved(call);
        }
    }

    [GeneratedRegex(@"\{(?<i>\d+)\}")]
    private static partial Regex Placeholder();
}
