using System.Reflection;
using System.Text.Json;

namespace InterviewAlerts.Benchmarks;

/// <summary>The benchmark inputs: files of the shared corpus (tests/corpus), embedded in this assembly.</summary>
public static class Samples
{
    /// <summary>The one-packet envelope of the BrassRing reference, verbatim (reference-sample.xml).</summary>
    public static byte[] OnePacketEnvelope { get; } = Resource("reference-sample.xml");

    /// <summary>A candidate packet and a _REQEXPORT requisition packet (two-packets-candidate-first.xml).</summary>
    public static byte[] TwoPacketEnvelope { get; } = Resource("two-packets-candidate-first.xml");

    /// <summary>The same two-packet envelope as middleware renders it in JSON (json-packet-array.json).</summary>
    public static byte[] TwoPacketEnvelopeJson { get; } = Resource("json-packet-array.json");

    /// <summary>The native request with every documented field (first case of native-requests.json).</summary>
    public static byte[] FullNativeRequest { get; } = NativeCase("every documented field with its proper type");

    private static byte[] NativeCase(string name)
    {
        using var corpus = JsonDocument.Parse(Resource("native-requests.json"));
        foreach (var item in corpus.RootElement.EnumerateArray())
        {
            if (item.GetProperty("name").GetString() == name)
                return JsonSerializer.SerializeToUtf8Bytes(item.GetProperty("body"));
        }

        throw new InvalidOperationException($"native-requests.json has no case named \"{name}\".");
    }

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
