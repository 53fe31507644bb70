namespace InterviewAlerts.Core.BrassRing.Mappings;

/// <summary>Where a value sits, written as the reader of its source would look for it: a JSON path in a file, an app setting name otherwise.</summary>
internal sealed class MappingPath
{
    private readonly string _text;
    private readonly bool _isSetting;

    private MappingPath(string text, bool isSetting)
    {
        _text = text;
        _isSetting = isSetting;
    }

    public static MappingPath FileRoot { get; } = new("$", isSetting: false);

    public static MappingPath Setting(string name) => new(name, isSetting: true);

    public MappingPath Property(string name)
    {
        if (_isSetting) return new($"{_text}:{name}", isSetting: true);
        var plain = name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
        return new(plain ? $"{_text}.{name}" : $"{_text}[\"{name.Replace("\"", "\\\"", StringComparison.Ordinal)}\"]", isSetting: false);
    }

    public MappingPath Item(int index) => new(_isSetting ? $"{_text}:{index}" : $"{_text}[{index}]", _isSetting);

    public override string ToString() => _text;
}
