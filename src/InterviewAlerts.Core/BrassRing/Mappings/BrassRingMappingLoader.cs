using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace InterviewAlerts.Core.BrassRing.Mappings;

/// <summary>
/// Reads and checks the BrassRing mapping configuration: the JSON file named by <see cref="FileSetting"/> (relative
/// paths resolve against the app folder; config/*.json ships with the app), else app settings under
/// <see cref="BrassRingMappingOptions.SectionName"/>. Every problem is reported with where it is and how to fix it.
/// </summary>
public static class BrassRingMappingLoader
{
    public const string FileSetting = "BrassRing:MappingsFile";

    private static readonly JsonDocumentOptions StrictJson = new()
    {
        AllowDuplicateProperties = false,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>The mapping file named by <see cref="FileSetting"/>, or else the mapping app settings.</summary>
    public static BrassRingMappingLoad FromConfiguration(IConfiguration configuration, string appFolder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var file = configuration[FileSetting];
        if (string.IsNullOrWhiteSpace(file)) return FromSettings(configuration);

        var path = Path.GetFullPath(Path.IsPathRooted(file) ? file : Path.Combine(appFolder, file));
        var load = FromFile(path, $"the mapping file {path} (setting {FileSetting})");
        if (!configuration.GetSection(BrassRingMappingOptions.SectionName).GetChildren().Any()) return load;

        var ignored = new MappingProblem($"{BrassRingMappingOptions.SectionName}:…",
            $"app settings under {BrassRingMappingOptions.SectionName} are set as well as {FileSetting}, and would be ignored.",
            $"move those mappings into the file and delete the {BrassRingMappingOptions.SectionName} settings");
        return load with { Problems = [.. load.Problems, ignored] };
    }

    /// <summary>A mapping file on its own (the preview's --check, tests).</summary>
    public static BrassRingMappingLoad FromFile(string path) => FromFile(Path.GetFullPath(path), $"the mapping file {Path.GetFullPath(path)}");

    /// <summary>The mapping app settings (BrassRing:Mappings:…); none at all means the built-in aliases only.</summary>
    public static BrassRingMappingLoad FromSettings(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(BrassRingMappingOptions.SectionName);
        var path = MappingPath.Setting(BrassRingMappingOptions.SectionName);
        var reader = new MappingDocumentReader();
        reader.ReadMappings(SettingsTree.From(section), path);
        return Finish(reader, path, $"the app settings {BrassRingMappingOptions.SectionName}:…");
    }

    private static BrassRingMappingLoad FromFile(string path, string source)
    {
        if (!File.Exists(path)) return Failed(source, new MappingProblem(path, "the file does not exist.", MissingFileFix(path)));

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(source, new MappingProblem(path, $"the file cannot be read: {ex.Message}", "check the file's permissions"));
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: StrictJson);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } number ? $"line {number + 1}, position {ex.BytePositionInLine + 1}" : "the file";
            return Failed(source, new MappingProblem($"{path} {line}", $"not valid JSON: {FirstSentence(ex.Message)}",
                "correct the JSON there (no comments, no trailing commas, no repeated names)"));
        }

        var reader = new MappingDocumentReader();
        reader.ReadFile(root);
        var mappingsPath = MappingPath.FileRoot.Property(MappingDocumentReader.BrassRingKey).Property(MappingDocumentReader.MappingsKey);
        return Finish(reader, mappingsPath, source);
    }

    private static BrassRingMappingLoad Finish(MappingDocumentReader reader, MappingPath mappingsPath, string source)
    {
        TranslationTargets.Check(reader.Options, mappingsPath, reader);
        return new BrassRingMappingLoad(reader.Options, reader.Problems, source);
    }

    private static BrassRingMappingLoad Failed(string source, MappingProblem problem) => new(new BrassRingMappingOptions(), [problem], source);

    private static string MissingFileFix(string path)
    {
        var folder = Path.GetDirectoryName(path);
        var present = folder is not null && Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
            : [];
        var listing = present.Count > 0 ? $" (that folder holds {string.Join(", ", present)})" : "";
        return $"commit the file under config/ (config/*.json is published with the app) or correct {FileSetting}, "
            + $"whose relative paths start at the app folder{listing}";
    }

    /// <summary>System.Text.Json messages end with the path and position, which the location already gives.</summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var line = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        var end = new[] { cut, line }.Where(index => index > 0).DefaultIfEmpty(message.Length).Min();
        return message[..end].TrimEnd(' ', '|');
    }
}
