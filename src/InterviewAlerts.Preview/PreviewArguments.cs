namespace InterviewAlerts.Preview;

/// <summary>
/// Command line: &lt;payload file&gt; [--mappings FILE] [--content-type TYPE], or --check FILE to check a mapping file.
/// Exactly one of <see cref="PayloadPath"/> and <see cref="CheckPath"/> is set.
/// </summary>
internal sealed record PreviewArguments(string? PayloadPath, string? MappingsPath, string? ContentType, string? CheckPath)
{
    public const string Usage =
        "usage: InterviewAlerts.Preview <payload file> [--mappings config/brassring-mappings.json] [--content-type text/xml]\n"
        + "       InterviewAlerts.Preview --check config/brassring-mappings.json\n"
        + "  The content type defaults from the file extension: .xml → text/xml, .json → application/json,\n"
        + "  .form → application/x-www-form-urlencoded, anything else → none (sniffed).\n"
        + "  --check reads a mapping file as the app does at start-up: exit 0 when valid, 1 with every problem.";

    public static (PreviewArguments? Arguments, string? Problem) Parse(IReadOnlyList<string> args)
    {
        string? payload = null, mappings = null, contentType = null, check = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--mappings" when i + 1 < args.Count: mappings = args[++i]; break;
                case "--content-type" when i + 1 < args.Count: contentType = args[++i]; break;
                case "--check" when i + 1 < args.Count: check = args[++i]; break;
                case "-h" or "--help": return (null, null);
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    return (null, $"unknown or incomplete option {option}");
                case var path when payload is null: payload = path; break;
                default: return (null, $"unexpected argument {args[i]}");
            }
        }

        if (check is not null)
        {
            return payload is null && mappings is null && contentType is null
                ? (new PreviewArguments(null, null, null, check), null)
                : (null, "--check takes only the mapping file");
        }

        if (payload is null) return (null, "missing payload file");
        return (new PreviewArguments(payload, mappings, contentType ?? ContentTypeFromExtension(payload), null), null);
    }

    private static string? ContentTypeFromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".xml" => "text/xml",
        ".json" => "application/json",
        ".form" => "application/x-www-form-urlencoded",
        _ => null,
    };
}
