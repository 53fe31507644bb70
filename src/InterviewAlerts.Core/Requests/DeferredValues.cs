using System.Text.Json;

namespace InterviewAlerts.Core.Requests;

/// <summary>
/// Values of one body kept as given (segments, debrief, interviewer ex ids) whose nodes are built when first read,
/// usually by the render: validation needs only what <see cref="NestedValueScan"/> found, so accepting a request
/// does not parse them twice. Their bytes are copied out of the body at the end of the reading (the body may not
/// outlive it) and parsed together into one document when any of them is first read.
/// </summary>
internal sealed class DeferredValues
{
    private readonly List<(int Start, int Length)> _spans = [];
    private byte[]? _arrayText;
    private JsonElement _items;

    /// <summary>Notes a value of the body; its slot is where it is found in <see cref="this[int]"/>.</summary>
    public int Add(int start, int length)
    {
        _spans.Add((start, length));
        return _spans.Count - 1;
    }

    /// <summary>Copies the values noted out of the body, as the items of one array text.</summary>
    public void CopyFrom(ReadOnlySpan<byte> body) => _arrayText = KeptValues.ArrayText(body, _spans);

    /// <summary>The value in a slot (all are parsed on the first call, from the copy). Callers hold this object's lock.</summary>
    public JsonElement this[int slot]
    {
        get
        {
            if (_items.ValueKind == JsonValueKind.Undefined)
            {
                _items = JsonElement.Parse(_arrayText ?? throw new InvalidOperationException("Not copied from the body yet."), KeptValues.DocumentOptions);
            }

            return _items[slot];
        }
    }
}
