using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.BrassRing.Mappings;
using InterviewAlerts.Core.Ingest;

namespace InterviewAlerts.Preview;

/// <summary>The preview tool: preview a payload file, or check a mapping file (--check). Writes to the given writers so it can be tested.</summary>
public static class PreviewCommand
{
    public const int ExitValid = PreviewReport.ExitValid;
    public const int ExitProblems = PreviewReport.ExitProblems;
    public const int ExitUsage = 2;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var (arguments, problem) = PreviewArguments.Parse(args);
        if (arguments is null)
        {
            if (problem is not null) await error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
            await error.WriteLineAsync(PreviewArguments.Usage).ConfigureAwait(false);
            return ExitUsage;
        }

        if (arguments.CheckPath is { } checkPath)
        {
            var check = BrassRingMappingLoader.FromFile(checkPath);
            await (check.IsValid ? output : error).WriteLineAsync(check.Describe()).ConfigureAwait(false);
            return check.IsValid ? ExitValid : ExitProblems;
        }

        return await PreviewAsync(arguments, arguments.PayloadPath!, output, error).ConfigureAwait(false);
    }

    private static async Task<int> PreviewAsync(PreviewArguments arguments, string payloadPath, TextWriter output, TextWriter error)
    {
        if (!File.Exists(payloadPath))
        {
            await error.WriteLineAsync($"error: payload file not found: {payloadPath}").ConfigureAwait(false);
            return ExitUsage;
        }

        var options = new BrassRingMappingOptions();
        if (arguments.MappingsPath is { } mappingsPath)
        {
            var load = BrassRingMappingLoader.FromFile(mappingsPath);
            if (!load.IsValid)
            {
                await error.WriteLineAsync($"error: cannot use the mappings: {load.Describe()}").ConfigureAwait(false);
                return ExitUsage;
            }

            options = load.Options;
        }

        var body = await File.ReadAllBytesAsync(payloadPath).ConfigureAwait(false);
        var interpretation = new RequestInterpreter(new BrassRingMapper(options)).Interpret(arguments.ContentType, body);

        await output.WriteLineAsync($"File: {payloadPath}").ConfigureAwait(false);
        await output.WriteLineAsync($"Content-Type: {arguments.ContentType ?? "(none)"}").ConfigureAwait(false);
        await output.WriteLineAsync($"Mappings: {arguments.MappingsPath ?? "(built-in aliases only)"}").ConfigureAwait(false);
        var (text, exitCode) = PreviewReport.Render(interpretation);
        await output.WriteAsync(text).ConfigureAwait(false);
        return exitCode;
    }
}
