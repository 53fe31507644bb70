using System.Text.Json;
using System.Text.Json.Nodes;

namespace InterviewAlerts.Core.Requests;

/// <summary>A node property of the request: either set, or built from a <see cref="DeferredValues"/> slot when first read.</summary>
internal struct DeferredNode<T>
    where T : JsonNode
{
    private T? _value;
    private DeferredValues? _source;
    private int _slot;
    private Func<JsonElement, T?>? _build;

    /// <summary>Whether there is a value, without building it.</summary>
    public readonly bool HasValue => _source is not null || _value is not null;

    public readonly bool IsDeferred => _source is not null;

    /// <summary>
    /// The value, built on the first read. Reads from several threads get the same node: the build happens once, under
    /// the source's lock (which also guards its one document), and is published before the source is let go.
    /// </summary>
    public T? Get()
    {
        var source = Volatile.Read(ref _source);
        if (source is null) return _value;
        lock (source)
        {
            if (_source is not null)
            {
                _value = _build!(source[_slot]);
                _build = null;
                Volatile.Write(ref _source, null);
            }
        }

        return _value;
    }

    public void Set(T? value)
    {
        _value = value;
        _source = null;
        _build = null;
    }

    /// <param name="build">A static lambda: the node from the value's element.</param>
    public void Defer(DeferredValues source, int slot, Func<JsonElement, T?> build)
    {
        _value = null;
        _source = source;
        _slot = slot;
        _build = build;
    }
}
