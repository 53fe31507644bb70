using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Differential;

// Usage: dotnet run --project tools/InterviewAlerts.Differential -c Release -- [--seed N] [--count N] [--repo DIR] > out.txt
// Prints one line per generated body: its number, content type, shape, validity, every error and the Paradox body.
var seed = 20260601;
var count = 120_000;
string? repo = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--seed": seed = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--count": count = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--repo": repo = args[i + 1]; break;
        default: throw new ArgumentException($"Unknown option {args[i]}.");
    }
}

repo ??= Corpora.FindRepositoryRoot();
var corpora = Corpora.Load(repo);
var interpreter = new RequestInterpreter();
var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
var writerOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
var counts = new Dictionary<string, int>(StringComparer.Ordinal);
var number = 0;

foreach (var (contentType, body) in new BodyGenerator(corpora, seed).Generate(count))
{
    var line = new MemoryStream();
    using (var writer = new Utf8JsonWriter(line, writerOptions))
    {
        writer.WriteStartObject();
        writer.WriteNumber("n", number++);
        writer.WriteString("contentType", contentType);
        writer.WriteString("body", Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(body)));
        string outcome;
        try
        {
            var interpretation = interpreter.Interpret(contentType, body);
            outcome = $"{interpretation.Shape}/{(interpretation.IsValid ? "valid" : "invalid")}";
            writer.WriteString("shape", interpretation.Shape.ToString());
            writer.WriteBoolean("valid", interpretation.IsValid);
            writer.WriteBoolean("unsupportedMediaType", interpretation.UnsupportedMediaType);
            writer.WriteStartArray("errors");
            foreach (var error in interpretation.Errors)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(error.Field);
                writer.WriteStringValue(error.Code);
                writer.WriteStringValue(error.Message);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteString("problem", interpretation.ProblemDescription);
            // The one call that renders the Paradox body: the exact bytes ingest fingerprints, queues and sends.
            var paradox = interpretation.Request?.ToParadoxUtf8();
            writer.WriteString("paradox", paradox is null ? null : Encoding.UTF8.GetString(paradox));
        }
        catch (Exception ex)
        {
            outcome = "exception";
            writer.WriteString("exception", ex.GetType().FullName);
        }

        writer.WriteEndObject();
        counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
    }

    output.Write(Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length));
    output.Write('\n');
}

output.Flush();
Console.Error.WriteLine($"{number} bodies (seed {seed}): " + string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}")));
