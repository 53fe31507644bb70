using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Azure;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Storage;
using InterviewAlerts.Functions.Http;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.IntegrationTests.Hostile;

/// <summary>One adapter (Azurite, Paradox sandbox, function app) for the whole hostile corpus, and a secret file for XXE.</summary>
public sealed class HostileAdapterFixture : IAsyncLifetime
{
    public const string CallerName = AdapterHarness.BrassRingUser;

    /// <summary>The BrassRing caller's password in this test's settings; generate.py uses the same for near misses.</summary>
    public const string CallerSecret = "S3cret-hostile-tests";

    public AdapterHarness Harness { get; private set; } = null!;

    /// <summary>A file whose content must never come back: the target of every external entity in the corpus.</summary>
    public string SecretFile { get; } = Path.Combine(Path.GetTempPath(), $"hostile-secret-{Guid.NewGuid():N}.txt");

    public string SecretMarker { get; } = $"SECRET-MARKER-{Guid.NewGuid():N}";

    /// <summary>Tracking ids of the valid requests the health check sent: the only ones allowed in storage.</summary>
    public ConcurrentBag<string> AcceptedOnPurpose { get; } = [];

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(SecretFile, SecretMarker);
        Harness = await AdapterHarness.StartAsync(new Dictionary<string, string?>
        {
            [$"Callers:{CallerName}:Secret"] = CallerSecret,
        });
    }

    public async Task DisposeAsync()
    {
        await Harness.DisposeAsync();
        File.Delete(SecretFile);
    }
}

/// <summary>
/// Posts every hostile input (tests/corpus/hostile, plus oversized bodies made in code) through the real HTTP path
/// and checks: never a 5xx, a specific answer (problem+json naming the field, or BrassRing's envelope with Status
/// 401/405 and a reason), nothing queued or delivered, only refusals recorded, no secret file content and no personal
/// data in the answer or the records; and afterwards, that the adapter still takes valid requests.
/// </summary>
public sealed class HostileInputTests(HostileAdapterFixture fixture) : IClassFixture<HostileAdapterFixture>
{
    private static readonly string[] Personal = [HostileCorpus.CanaryEmail, HostileCorpus.CanaryName, HostileCorpus.CanaryPhone];

    private AdapterHarness Harness => fixture.Harness;

    public static TheoryData<string> CaseNames => [.. HostileCorpus.Cases.Keys];

    [Fact]
    public void The_corpus_has_at_least_200_inputs_in_every_category_the_issue_names()
    {
        Assert.True(HostileCorpus.FileCases.Count() >= 200, $"{HostileCorpus.FileCases.Count()} files");
        var categories = HostileCorpus.Cases.Values.Select(c => c.Category).ToHashSet(StringComparer.Ordinal);
        foreach (var expected in new[]
        {
            "malformed JSON", "malformed XML", "XXE", "entity expansion", "DOCTYPE in payload", "oversized bodies", "deep nesting",
            "wrong types", "invalid UTF-8", "BOMs", "NUL bytes", "wrong content types", "form without HRXMLDOC",
            "missing or wrong BrassRing credentials", "huge numbers", "unicode confusables",
        })
        {
            Assert.Contains(expected, categories);
        }

        // Every typed field of the contract has at least one wrong-type case.
        var wrongTypeFields = HostileCorpus.Cases.Values.Where(c => c.Category == "wrong types" && c.Expect.Field is not null).Select(c => c.Expect.Field!).ToHashSet();
        foreach (var field in InterviewAlerts.Core.Paradox.FieldNames.All) Assert.Contains(field, wrongTypeFields);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Hostile_input_gets_a_specific_answer_and_nothing_is_queued(string name)
    {
        var hostile = HostileCorpus.Cases[name];

        var (status, mediaType, text) = await PostAsync(hostile);

        Assert.True(status < 500, $"{name}: HTTP {status}: {Shorten(text)}");
        if (hostile.Expect.BrassRing is { } brassRingStatus) AssertBrassRingAnswer(hostile, brassRingStatus, status, mediaType, text);
        else AssertProblem(hostile, status, mediaType, text);

        Assert.DoesNotContain(fixture.SecretMarker, text, StringComparison.Ordinal);
        Assert.DoesNotContain("root:x:0:0", text, StringComparison.Ordinal);
        foreach (var value in Personal.Concat(hostile.Expect.MustNotSay)) Assert.DoesNotContain(value, text, StringComparison.Ordinal);
        await AssertNothingQueuedAsync(name);
    }

    [Fact]
    public async Task The_adapter_still_accepts_valid_requests_after_every_hostile_input()
    {
        foreach (var hostile in HostileCorpus.Cases.Values)
        {
            var (httpStatus, _, text) = await PostAsync(hostile);
            Assert.True(httpStatus < 500, $"{hostile.Name}: HTTP {httpStatus}: {Shorten(text)}");
        }

        var native = await Harness.Client.PostAsync("api/interview-alerts", new StringContent(
            $$"""{"ex_id":"HEALTH-{{Guid.NewGuid():N}}","interview_duration":30,"interview_type":2}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, native.StatusCode);
        using (var answer = JsonDocument.Parse(await native.Content.ReadAsStringAsync()))
            fixture.AcceptedOnPurpose.Add(answer.RootElement.GetProperty("id").GetString()!);

        var brassRing = await PostAsync(new HostileCase("health", "health", "text/xml", "valid", new HostileExpectation(null, null, null, 200, [], []),
            () => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "corpus", "brassring", "reference-sample.xml"))
                .Replace("HSCAND884213"u8, Encoding.UTF8.GetBytes($"HEALTH-{Guid.NewGuid():N}"))));
        Assert.Equal(200, brassRing.Status);
        var status = ReadStatus(XDocument.Parse(brassRing.Text).Root!.Element("TransactInfo")!);
        Assert.Equal("200", status.Code);
        var trackingId = status.Long.Split(' ').Last();
        Assert.StartsWith("ia_", trackingId, StringComparison.Ordinal);
        fixture.AcceptedOnPurpose.Add(trackingId);

        await Harness.WaitForParadoxAsync(trackingId);
        Assert.DoesNotContain(CapturedLogs.All, line => line.Contains(fixture.SecretMarker, StringComparison.Ordinal));
    }

    private async Task<(int Status, string? MediaType, string Text)> PostAsync(HostileCase hostile)
    {
        var body = hostile.Body();
        if (body.AsSpan().IndexOf("@@SECRET_"u8) >= 0)
        {
            body = body.Replace(Encoding.ASCII.GetBytes(HostileCorpus.SecretUriPlaceholder), Encoding.UTF8.GetBytes(new Uri(fixture.SecretFile).AbsoluteUri))
                .Replace(Encoding.ASCII.GetBytes(HostileCorpus.SecretPathPlaceholder), Encoding.UTF8.GetBytes(fixture.SecretFile));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/interview-alerts") { Content = new ByteArrayContent(body) };
        if (hostile.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", hostile.ContentType);
        if (hostile.Name.Contains("no-content-length", StringComparison.Ordinal)) request.Headers.TransferEncodingChunked = true;

        // As real clients do for large uploads: the server may refuse on Content-Length alone, before any byte is sent.
        if (body.Length > BodyReader.MaxBodyBytes) request.Headers.ExpectContinue = true;
        switch (hostile.Authorization)
        {
            case null: break;
            case "valid":
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes($"{HostileAdapterFixture.CallerName}:{HostileAdapterFixture.CallerSecret}")));
                break;
            default:
                Assert.True(request.Headers.TryAddWithoutValidation("Authorization", hostile.Authorization), hostile.Name);
                break;
        }

        // JSON cases are sent as the harness's JSON caller; BrassRing cases carry exactly the corpus's credentials.
        var client = hostile.Expect.BrassRing is null ? Harness.Client : Harness.AnonymousClient;
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static void AssertProblem(HostileCase hostile, int status, string? mediaType, string text)
    {
        Assert.True(hostile.Expect.Http == status, $"{hostile.Name}: expected HTTP {hostile.Expect.Http}, got {status}: {Shorten(text)}");
        Assert.Equal("application/problem+json", mediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (Field: e.GetProperty("field").GetString(), Code: e.GetProperty("code").GetString(), Message: e.GetProperty("message").GetString()))
            .ToList();
        Assert.True(errors.Any(e => e.Field == hostile.Expect.Field && (hostile.Expect.Code is null || e.Code == hostile.Expect.Code)),
            $"{hostile.Name}: expected an error on {hostile.Expect.Field} ({hostile.Expect.Code}); got {Shorten(text)}");
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    private static void AssertBrassRingAnswer(HostileCase hostile, int expected, int status, string? mediaType, string text)
    {
        // A refused login is HTTP 401 as well as Status 401; data problems are HTTP 200 with Status 405.
        var expectedHttp = expected == 401 ? 401 : 200;
        Assert.True(status == expectedHttp, $"{hostile.Name}: expected HTTP {expectedHttp} with a BrassRing envelope, got {status}: {Shorten(text)}");
        Assert.Equal("application/xml", mediaType);

        // Well-formed, without a DTD: read with the same refusal the adapter applies to what it receives.
        using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var envelope = XDocument.Load(reader).Root!;
        Assert.Equal("Envelope", envelope.Name.LocalName);
        var transact = ReadStatus(envelope.Element("TransactInfo")!);
        Assert.True(transact.Code == expected.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{hostile.Name}: expected Status {expected}, got {transact.Code}: {transact.Long}");
        var packets = envelope.Elements("Packet").Select(p => ReadStatus(p.Element("PacketInfo")!)).ToList();
        Assert.NotEmpty(packets);
        Assert.All(packets, packet => Assert.Equal(transact, packet));
        Assert.False(string.IsNullOrWhiteSpace(transact.Long), hostile.Name);
        foreach (var phrase in hostile.Expect.Says)
            Assert.True(transact.Long.Contains(phrase, StringComparison.Ordinal), $"{hostile.Name}: LongDescription lacks \"{phrase}\": {transact.Long}");
    }

    private static (string Code, string Short, string Long) ReadStatus(XElement parent)
    {
        var status = parent.Element("Status")!;
        return (status.Element("Code")!.Value, status.Element("ShortDescription")!.Value, status.Element("LongDescription")!.Value);
    }

    /// <summary>
    /// Nothing in the delivery queue, no request record but refused ones (without personal values), nothing sent to
    /// Paradox, except the health check's own.
    /// </summary>
    private async Task AssertNothingQueuedAsync(string name)
    {
        var peeked = await Harness.Queue(StorageNames.DeliveryQueue).PeekMessagesAsync(32);
        foreach (var message in peeked.Value)
        {
            using var json = JsonDocument.Parse(message.Body.ToString());
            Assert.Contains(json.RootElement.GetProperty("trackingId").GetString(), fixture.AcceptedOnPurpose);
        }

        try
        {
            await foreach (var record in Harness.Records().QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 100))
            {
                // A request refused for its content is recorded (state, reasons, no body): it must hold no personal value.
                if (record.GetString("State") == "Refused")
                {
                    var values = string.Join("\n", record.Select(property => property.Value?.ToString()));
                    Assert.All(Personal, value => Assert.DoesNotContain(value, values, StringComparison.OrdinalIgnoreCase));
                    continue;
                }

                Assert.True(fixture.AcceptedOnPurpose.Contains(record.PartitionKey), $"{name}: a request record {record.PartitionKey} was written");
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No table yet: nothing was recorded.
        }

        Assert.All(Harness.SandboxRequests.All(), sent => Assert.Contains(sent.TrackingId, fixture.AcceptedOnPurpose));
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";
}

internal static class ByteArrays
{
    public static byte[] Replace(this byte[] source, ReadOnlySpan<byte> find, ReadOnlySpan<byte> with)
    {
        var result = new List<byte>(source.Length);
        var rest = source.AsSpan();
        for (var at = rest.IndexOf(find); at >= 0; at = rest.IndexOf(find))
        {
            result.AddRange(rest[..at]);
            result.AddRange(with);
            rest = rest[(at + find.Length)..];
        }

        result.AddRange(rest);
        return [.. result];
    }
}
