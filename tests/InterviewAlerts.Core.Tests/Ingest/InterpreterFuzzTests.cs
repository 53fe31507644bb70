using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using CsCheck;
using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Requests;

namespace InterviewAlerts.Core.Tests.Ingest;

/// <summary>
/// Property-based fuzzing of <see cref="RequestInterpreter.Interpret"/> with CsCheck, 2,000 samples per generator.
/// A failure shrinks to a small input and prints it with the seed that reproduces it (CsCheck_Seed=... or seed:).
/// Properties: never throws; a valid request XOR at least one error; an accepted request renders to Paradox JSON that
/// re-reads, as native JSON, to a valid request with the same rendering; a BrassRing answer is always well-formed XML.
/// </summary>
public sealed class InterpreterFuzzTests
{
    /// <summary>2,000 per generator in every test run; FUZZ_ITER=200000 (say) for a longer campaign.</summary>
    internal static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("FUZZ_ITER"), System.Globalization.CultureInfo.InvariantCulture, out var iterations) ? iterations : 2000;

    private static readonly RequestInterpreter Interpreter = new(new BrassRingMapper(
        BrassRingMappingOptions.LoadFile(Path.Combine(AppContext.BaseDirectory, "config", "brassring-mappings.sample.json"))));

    [Fact]
    public void Random_bytes_with_any_content_type() => Check(FuzzInputs.RandomBytes);

    [Fact]
    public void Random_json_objects_with_Paradox_field_names_and_random_value_kinds() =>
        Assert.True(Check(FuzzInputs.ParadoxJson) > Iterations / 20, "too few valid requests: the round trip was hardly exercised");

    [Fact]
    public void Mutated_valid_BrassRing_envelopes() => Check(FuzzInputs.MutatedEnvelope);

    [Fact]
    public void Random_xml_bare_or_as_an_envelope() => Check(FuzzInputs.RandomXml);

    [Fact]
    public void The_accepted_envelopes_being_mutated_are_all_accepted_unmutated()
    {
        Assert.True(FuzzInputs.AcceptedEnvelopes.Count >= 20);
        Assert.All(FuzzInputs.AcceptedEnvelopes, body => Assert.True(Interpreter.Interpret(body.ContentType, body.Bytes).IsValid, body.ToString()));
    }

    /// <summary>Runs every property on the generator's samples; returns how many samples were valid requests.</summary>
    private static int Check(Gen<FuzzBody> bodies)
    {
        var valid = 0;
        bodies.Sample(body =>
        {
            var interpretation = Interpreter.Interpret(body.ContentType, body.Bytes);

            if (interpretation.IsValid)
            {
                Assert.NotNull(interpretation.Request);
                Assert.Empty(interpretation.Errors);
                AssertRoundTrip(interpretation.Request);
                Interlocked.Increment(ref valid);
            }
            else
            {
                Assert.NotEmpty(interpretation.Errors);
                Assert.Null(interpretation.Request);
                Assert.All(interpretation.Errors, error => Assert.False(string.IsNullOrWhiteSpace(error.Field + error.Code + error.Message)));
            }

            if (interpretation.Shape == RequestShape.BrassRing)
            {
                var status = interpretation.IsValid
                    ? BrassRingStatus.Accepted("ia_0123456789ABCDEFGHJKMNPQRS")
                    : BrassRingStatus.DataProblem(interpretation.ProblemDescription ?? "The request could not be read.");
                AssertWellFormed(BrassRingResponseWriter.Write(interpretation.Envelope, status), status.Code);
            }
        }, iter: Iterations, print: body => body.ToString());

        return valid;
    }

    /// <summary>What is sent to Paradox, posted again as native JSON, is valid and renders to the same JSON.</summary>
    private static void AssertRoundTrip(InterviewRequest request)
    {
        var paradox = request.ToParadoxJson();
        var text = paradox.ToJsonString(ParadoxJson.Options);
        var again = Interpreter.Interpret("application/json", Encoding.UTF8.GetBytes(text));

        Assert.True(again.IsValid, $"Re-reading {text}: {string.Join("; ", again.Errors.Select(e => e.Message))}");
        var rendered = again.Request!.ToParadoxJson();
        Assert.True(JsonNode.DeepEquals(paradox, rendered), $"{text}\nbecame\n{rendered.ToJsonString(ParadoxJson.Options)}");
    }

    internal static XElement AssertWellFormed(byte[] answer, int code)
    {
        using var reader = XmlReader.Create(new MemoryStream(answer), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var envelope = XDocument.Load(reader, LoadOptions.PreserveWhitespace).Root!;
        var codes = envelope.Descendants("Status").Select(s => s.Element("Code")!.Value).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), c));
        return envelope;
    }
}
