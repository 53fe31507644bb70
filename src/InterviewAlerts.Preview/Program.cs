using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Preview;

const int ExitUsage = 2;

var (arguments, problem) = PreviewArguments.Parse(args);
if (arguments is null)
{
    if (problem is not null) Console.Error.WriteLine($"error: {problem}");
    Console.Error.WriteLine(PreviewArguments.Usage);
    return ExitUsage;
}

if (!File.Exists(arguments.PayloadPath))
{
    Console.Error.WriteLine($"error: payload file not found: {arguments.PayloadPath}");
    return ExitUsage;
}

BrassRingMappingOptions options;
try
{
    options = arguments.MappingsPath is null ? new BrassRingMappingOptions() : BrassRingMappingOptions.LoadFile(arguments.MappingsPath);
}
catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or UnauthorizedAccessException or InvalidOperationException)
{
    Console.Error.WriteLine($"error: cannot load mappings {arguments.MappingsPath}: {ex.Message}");
    return ExitUsage;
}

var body = await File.ReadAllBytesAsync(arguments.PayloadPath).ConfigureAwait(false);
var interpreter = new RequestInterpreter(new BrassRingMapper(options));
var interpretation = interpreter.Interpret(arguments.ContentType, body);

Console.WriteLine($"File: {arguments.PayloadPath}");
Console.WriteLine($"Content-Type: {arguments.ContentType ?? "(none)"}");
Console.WriteLine($"Mappings: {arguments.MappingsPath ?? "(built-in aliases only)"}");
var (text, exitCode) = PreviewReport.Render(interpretation);
Console.Write(text);
return exitCode;
