using System.Text;

namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// A namespace-free element tree that both the XML envelope and its JSON renderings are read into, so one
/// builder handles every rendering. Names are local names; lookups ignore case.
/// </summary>
internal sealed class BrassRingNode(string name)
{
    private readonly StringBuilder _text = new();

    public string Name { get; } = LocalName(name);

    public List<KeyValuePair<string, string>> Attributes { get; } = [];

    public List<BrassRingNode> Children { get; } = [];

    public string Text => _text.ToString();

    public bool HasChildren => Children.Count > 0;

    public void AppendText(string text) => _text.Append(text);

    public BrassRingNode? Child(string name)
    {
        foreach (var child in Children)
        {
            if (child.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) return child;
        }

        return null;
    }

    public IEnumerable<BrassRingNode> ChildrenNamed(string name) =>
        Children.Where(child => child.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The trimmed value of an attribute or a child element of that name (attributes first), or null.</summary>
    public string? Value(string name)
    {
        foreach (var (key, value) in Attributes)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase)) return value.Trim();
        }

        var child = Child(name);
        return child is null || child.HasChildren ? null : child.Text.Trim();
    }

    /// <summary>Strips a namespace prefix ("BRpartner:Envelope" → "Envelope"); converters keep prefixes in JSON keys.</summary>
    public static string LocalName(string name)
    {
        var colon = name.LastIndexOf(':');
        return colon < 0 ? name : name[(colon + 1)..];
    }
}
