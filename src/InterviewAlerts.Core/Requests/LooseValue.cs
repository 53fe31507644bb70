using System.Text.Json;
using System.Text.Json.Nodes;

namespace InterviewAlerts.Core.Requests;

/// <summary>
/// One loose value as the normalizer reads it: either a <see cref="JsonNode"/> (BrassRing mapping, callers of
/// <see cref="RequestNormalizer.Normalize(JsonObject)"/>) or a <see cref="JsonElement"/> of a parsed native body.
/// Both are read by the same rules (<see cref="LooseScalars"/>, <see cref="LooseLists"/>), so both give the same
/// request and the same errors; the element form saves materializing a <see cref="JsonObject"/> per request.
/// </summary>
internal readonly struct LooseValue
{
    private readonly JsonNode? _node;
    private readonly JsonElement _element;
    private readonly bool _isElement;

    private LooseValue(JsonNode? node)
    {
        _node = node;
        Kind = node?.GetValueKind() ?? JsonValueKind.Null;
    }

    private LooseValue(JsonElement element)
    {
        _element = element;
        _isElement = true;
        Kind = element.ValueKind;
    }

    /// <summary>JSON null (or a missing node) reads as <see cref="JsonValueKind.Null"/>.</summary>
    public JsonValueKind Kind { get; }

    public static LooseValue Of(JsonNode? node) => new(node);

    public static LooseValue Of(JsonElement element) => new(element);

    /// <summary>The decoded text of a string value.</summary>
    public string GetString() => _isElement ? _element.GetString()! : _node!.GetValue<string>();

    /// <summary>The JSON text of a number, exactly as received (see <see cref="LooseScalars.NumberJson"/>).</summary>
    public string NumberJson() => _isElement ? _element.GetRawText() : LooseScalars.NumberJson(_node!);

    /// <summary>
    /// A number written as a plain integer that fits a long (what <c>decimal.TryParse</c> of its text would give):
    /// a shortcut that reads it without making a string. False for anything else, which then takes the text path.
    /// </summary>
    public bool TryGetPlainInt64(out long value)
    {
        if (_isElement && Kind == JsonValueKind.Number) return _element.TryGetInt64(out value);
        value = 0;
        return false;
    }

    /// <summary>The items of an array value.</summary>
    public ItemEnumerator EnumerateItems() => new(this);

    /// <summary>A copy of an object or array value as a node of its own, as <see cref="JsonNode.DeepClone"/> gives.</summary>
    public JsonNode? CloneNode()
    {
        if (!_isElement) return _node?.DeepClone();
        return Kind switch
        {
            JsonValueKind.Object => JsonObject.Create(_element.Clone()),
            JsonValueKind.Array => JsonArray.Create(_element.Clone()),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => JsonValue.Create(_element.Clone()),
        };
    }

    internal struct ItemEnumerator
    {
        private readonly JsonArray? _array;
        private JsonElement.ArrayEnumerator _elements;
        private int _index;

        public ItemEnumerator(LooseValue value)
        {
            if (value._isElement) _elements = value._element.EnumerateArray();
            else _array = value._node!.AsArray();
            _index = -1;
            Current = default;
        }

        public LooseValue Current { get; private set; }

        public readonly ItemEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_array is not null)
            {
                if (++_index >= _array.Count) return false;
                Current = new LooseValue(_array[_index]);
                return true;
            }

            if (!_elements.MoveNext()) return false;
            Current = new LooseValue(_elements.Current);
            return true;
        }
    }
}
