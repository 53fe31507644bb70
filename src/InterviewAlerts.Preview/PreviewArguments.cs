namespace InterviewAlerts.Preview;

/// <summary>Command line: &lt;payload file&gt; [--mappings FILE] [--content-type TYPE].</summary>
internal sealed record PreviewArguments(string PayloadPath, string? MappingsPath, string? ContentType)
{
    public const string Usage =
        "usage: InterviewAlerts.Preview <payload file> [--mappings config/brassring-mappings.json] [--content-type text/xml]\n"
        + "  The content type defaults from the file extension: .xml → text/xml, .json → application/json,\n"
        + "  .form → application/x-www-form-urlencoded, anything else → none (sniffed).";

    public static (PreviewArguments? Arguments, string? Problem) Parse(IReadOnlyList<string> args)
    {
        string? payload = null, mappings = null, contentType = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--mappings" when i + 1 < args.Count: mappings = args[++i]; break;
                case "--content-type" when i + 1 < args.Count: contentType = args[++i]; break;
                case "-h" or "--help": return (null, null);
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    return (null, $"unknown or incomplete option {option}");
                case var path when payload is null: payload = path; break;
                default: return (null, $"unexpected argument {args[i]}");
            }
        }

        if (payload is null) return (null, "missing payload file");
        return (new PreviewArguments(payload, mappings, contentType ?? ContentTypeFromExtension(payload)), null);
    }

    private static string? ContentTypeFromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".xml" => "text/xml",
        ".json" => "application/json",
        ".form" => "application/x-www-form-urlencoded",
        _ => null,
    };
}
