namespace InterviewAlerts.Core.Tests.BrassRing;

/// <summary>Mapping files written to a temporary folder for one test class, removed afterwards.</summary>
public sealed class MappingFiles : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("brassring-mappings-").FullName;

    /// <summary>Writes a file whose "Mappings" object is the given JSON.</summary>
    public string WithMappings(string mappingsJson) => Write("{\"BrassRing\": {\"Mappings\": " + mappingsJson + "}}");

    public string Write(string text)
    {
        var path = Path.Combine(Folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
