using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InterviewAlerts.Core.Requests;

/// <summary>
/// One loose value as the normalizer reads it: a <see cref="JsonNode"/> (BrassRing mapping, callers of
/// <see cref="RequestNormalizer.Normalize(JsonObject)"/>), a <see cref="JsonElement"/> of a parsed body, or a token
/// of a body read by a <see cref="Utf8JsonReader"/>. All are read by the same rules (<see cref="LooseScalars"/>,
/// <see cref="LooseLists"/>), so all give the same request and the same errors; the element and token forms save
/// building a <see cref="JsonObject"/> per request. Passed by reference (<c>in</c>): it is a few words wide.
/// </summary>
internal readonly struct LooseValue
{
    private readonly Form _form;

    /// <summary>The node; the decoded string of a string token; the items of pre-read string items; or the body of a number token.</summary>
    private readonly object? _reference;

    private readonly JsonElement _element;

    /// <summary>A number token: where it is in the body, and its value when it is a plain integer that fits a long.</summary>
    private readonly ReadOnlyMemory<byte> _numberUtf8;

    private readonly long _plain;

    private LooseValue(Form form, JsonValueKind kind, object? reference = null, JsonElement element = default,
        ReadOnlyMemory<byte> numberUtf8 = default, long plain = 0)
    {
        _form = form;
        Kind = kind;
        _reference = reference;
        _element = element;
        _numberUtf8 = numberUtf8;
        _plain = plain;
    }

    private enum Form : byte
    {
        Node,
        Element,
        Token,
        PlainNumberToken,
        StringItems,
        ArrayTextItems,
    }

    /// <summary>JSON null (or a missing node) reads as <see cref="JsonValueKind.Null"/>.</summary>
    public JsonValueKind Kind { get; }

    public static LooseValue Of(JsonNode? node) => new(Form.Node, node?.GetValueKind() ?? JsonValueKind.Null, node);

    public static LooseValue Of(JsonElement element) => new(Form.Element, element.ValueKind, element: element);

    /// <summary>A string (with its decoded text), true, false or null token.</summary>
    public static LooseValue Token(JsonValueKind kind, string? text = null) => new(Form.Token, kind, text);

    /// <summary>A number token: its bytes in the body, and its value when it is a plain integer that fits a long.</summary>
    public static LooseValue Number(ReadOnlyMemory<byte> utf8, bool isPlain, long plain) =>
        new(isPlain ? Form.PlainNumberToken : Form.Token, JsonValueKind.Number, numberUtf8: utf8, plain: plain);

    /// <summary>
    /// An array whose items are all strings, numbers or nulls, given as <see cref="LooseLists"/> reads such items:
    /// trimmed strings (blank ones dropped), numbers as their JSON text, nulls dropped.
    /// </summary>
    public static LooseValue StringItems(List<string> items) => new(Form.StringItems, JsonValueKind.Array, items);

    /// <summary>
    /// A string holding a JSON array whose items are all strings, numbers or nulls (a team), given as its members
    /// (<see cref="StringItemsReader.TryReadArrayText"/>) instead of its text.
    /// </summary>
    public static LooseValue ArrayTextItems(List<string> members) => new(Form.ArrayTextItems, JsonValueKind.String, members);

    /// <summary>The items of <see cref="StringItems"/> or <see cref="ArrayTextItems"/>, or null for any other value.</summary>
    public List<string>? PreReadStringItems => _form is Form.StringItems or Form.ArrayTextItems ? (List<string>)_reference! : null;

    /// <summary>The decoded text of a string value.</summary>
    public string GetString() => _form switch
    {
        Form.Token => (string)_reference!,
        Form.Element => _element.GetString()!,
        _ => ((JsonNode)_reference!).GetValue<string>(),
    };

    /// <summary>The JSON text of a number, exactly as received (see <see cref="LooseScalars.NumberJson"/>).</summary>
    public string NumberJson() => _form switch
    {
        Form.Token or Form.PlainNumberToken => Encoding.UTF8.GetString(_numberUtf8.Span),
        Form.Element => _element.GetRawText(),
        _ => LooseScalars.NumberJson((JsonNode)_reference!),
    };

    /// <summary>
    /// A number written as a plain integer that fits a long (what <c>decimal.TryParse</c> of its text would give):
    /// a shortcut that reads it without making a string. False for anything else, which then takes the text path.
    /// </summary>
    public bool TryGetPlainInt64(out long value)
    {
        value = _plain;
        if (_form == Form.PlainNumberToken) return true;
        if (_form == Form.Element && Kind == JsonValueKind.Number) return _element.TryGetInt64(out value);
        return false;
    }

    /// <summary>The items of an array value (not of <see cref="StringItems"/>, which are read already).</summary>
    public ItemEnumerator EnumerateItems() => new(this);

    /// <summary>A copy of an object or array value as a node of its own, as <see cref="JsonNode.DeepClone"/> gives.</summary>
    public JsonNode? CloneNode()
    {
        switch (_form)
        {
            case Form.Node:
                return ((JsonNode?)_reference)?.DeepClone();
            case Form.Element:
                return Kind switch
                {
                    JsonValueKind.Object => JsonObject.Create(_element.Clone()),
                    JsonValueKind.Array => JsonArray.Create(_element.Clone()),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => JsonValue.Create(_element.Clone()),
                };
            default:
                throw new InvalidOperationException("Tokens read from a body are not kept as nodes.");
        }
    }

    internal struct ItemEnumerator
    {
        private readonly JsonArray? _array;
        private JsonElement.ArrayEnumerator _elements;
        private int _index;

        public ItemEnumerator(in LooseValue value)
        {
            if (value._form == Form.Element) _elements = value._element.EnumerateArray();
            else _array = ((JsonNode)value._reference!).AsArray();
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
                Current = Of(_array[_index]);
                return true;
            }

            if (!_elements.MoveNext()) return false;
            Current = Of(_elements.Current);
            return true;
        }
    }
}
