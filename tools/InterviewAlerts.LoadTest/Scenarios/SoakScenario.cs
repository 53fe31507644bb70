using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Storage;
using InterviewAlerts.LoadTest.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewAlerts.LoadTest.Scenarios;

/// <summary>
/// Fault soak: at least 10,000 mixed sends (native and BrassRing; BrassRing envelopes with several candidate packets,
/// some with an invalid one; native requests with an Idempotency-Key, re-sent with the same key and the same body or
/// another body; about 5 % exact retransmissions of earlier sends) while the sandbox injects 5xx, 429 with Retry-After, timeouts (a delay longer than the adapter's attempt
/// timeout), token expiry and token-endpoint failures, plus a few permanent faults (400, business error) whose dead
/// letters must match; Azurite (persisted with --location) is stopped gracefully and started again on the same ports
/// half-way. Then the queue is left to drain (bounded) and every acknowledged request is accounted for, including
/// that Paradox received exactly the body of the request each tracking id was given for.
/// </summary>
internal static class SoakScenario
{
    private const double Rate = 80; // requests per second offered
    private const int Workers = 16;
    private const int PermanentFaultsPerKind = 10;

    public static async Task<int> RunAsync(bool quick)
    {
        var total = quick ? 1500 : 10_000;
        var location = Directory.CreateTempSubdirectory("azurite-soak-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Paradox:AttemptTimeout"] = "00:00:01",
            ["Paradox:TotalTimeout"] = "00:00:10",
            ["Paradox:MaxInCallRetryAfter"] = "00:00:02",
            ["Delivery:FirstRetryDelay"] = "00:00:00.200",
            ["Delivery:MaxRetryDelay"] = "00:00:02",
        };
        var stack = await Stack.StartAsync("soak", settings, azuriteLocation: location, outageProxy: true);
        try
        {
            return await RunAsync(stack, total, location);
        }
        finally
        {
            await stack.DisposeAsync();
            Directory.Delete(location, recursive: true);
        }
    }

    private static async Task<int> RunAsync(Stack stack, int total, string location)
    {
        var plan = Plan(total, out var tag);
        using var client = new HttpClient(Stack.LoopbackHandler(Workers)) { BaseAddress = stack.AdapterUrl, Timeout = TimeSpan.FromSeconds(60) };
        var sends = new ConcurrentBag<SendRecord>();
        var events = new ConcurrentQueue<string>();
        var faults = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.UtcNow;
        var marks = new ConcurrentQueue<(double Second, string What)>();
        var progress = 0;
        void Event(string text)
        {
            var line = $"{clock.Elapsed.TotalSeconds,7:F1}s {text}";
            events.Enqueue(line);
            Console.WriteLine(line);
        }

        Event($"soak: {total} sends at {Rate}/s offered, {Workers} workers; Azurite persisted in {location}");
        using var sendingDone = new CancellationTokenSource();
        var injector = Task.Run(() => InjectFaultsAsync(stack, faults, total, () => Volatile.Read(ref progress), sendingDone.Token));
        var restart = Task.Run(async () =>
        {
            while (Volatile.Read(ref progress) < total / 2 && !sendingDone.IsCancellationRequested) await Task.Delay(100);
            if (sendingDone.IsCancellationRequested) return;
            Event($"storage outage begins after {Volatile.Read(ref progress)} sends: relays cut (open connections reset, new ones refused)");
            var stopWatch = Stopwatch.StartNew();
            marks.Enqueue((clock.Elapsed.TotalSeconds, "storage cut"));
            await stack.CutStorageAsync();
            // Azurite's stores save every 5 s; with nobody connected, let one save pass before stopping it, so what
            // it acknowledged before the cut is on disk even if its own shutdown save were to miss something.
            await Task.Delay(TimeSpan.FromSeconds(6));
            var graceful = await stack.Azurite.StopGracefullyAsync(TimeSpan.FromSeconds(30));
            Event($"Azurite stopped with SIGINT: {(graceful ? "all three services reported a clean close (stores flushed), process then ended" : "did NOT close within 30 s and was killed")} after {stopWatch.Elapsed.TotalSeconds:F1} s; down for 3 s");
            await Task.Delay(TimeSpan.FromSeconds(3));
            await stack.Azurite.StartAsync();
            stack.ResumeStorage();
            marks.Enqueue((clock.Elapsed.TotalSeconds, "storage back"));
            Event($"Azurite started again on the same ports from its --location store (pid {stack.Azurite.ProcessId}); relays open; outage lasted {stopWatch.Elapsed.TotalSeconds:F1} s");
        });

        var result = await LoadGenerator.RunAsync(client, Workers, total, TimeSpan.FromSeconds((total / Rate) + 240),
            i => plan[i].Request,
            s => Outcomes(plan[s.Index], s).Any(o => o.Ack),
            Rate,
            s =>
            {
                Interlocked.Increment(ref progress);
                var planned = plan[s.Index];
                foreach (var (unit, outcome) in planned.Units.Zip(Outcomes(planned, s)))
                {
                    sends.Add(new SendRecord(s.Index, unit.Logical, unit.ExId, planned.Kind, planned.IsRetransmission, s.Status, outcome.Ack,
                        outcome.TrackingId, outcome.Refused, s.Error, s.At));
                }
            });
        await sendingDone.CancelAsync();
        await injector;
        await restart;
        using (var cleared = await stack.Control.DeleteAsync(new Uri("sandbox/faults", UriKind.Relative)))
        {
            cleared.EnsureSuccessStatusCode();
        }

        marks.Enqueue((clock.Elapsed.TotalSeconds, "sending done"));
        Event($"sending done: {result.Requests} sent in {result.Elapsed.TotalSeconds:F0} s [{result.StatusSummary}]; faults stopped; draining");

        // Drain (bounded): until the delivery queue (visible + invisible) is empty for three polls in a row.
        var queue = stack.Queue(StorageNames.DeliveryQueue);
        var drainDeadline = DateTime.UtcNow + TimeSpan.FromMinutes(9);
        var emptyPolls = 0;
        while (DateTime.UtcNow < drainDeadline && emptyPolls < 3)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            try
            {
                var count = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
                emptyPolls = count == 0 ? emptyPolls + 1 : 0;
                if ((int)clock.Elapsed.TotalSeconds % 20 < 2) Event($"draining: {count} messages left in {StorageNames.DeliveryQueue}, sandbox has {await stack.AlertsReceivedAsync()} requests");
            }
            catch (Azure.RequestFailedException ex)
            {
                Event($"queue probe failed: {ex.Status} {ex.ErrorCode}");
            }
        }

        var drained = emptyPolls >= 3;
        Event(drained ? "delivery queue empty" : "drain bound (9 min) reached with messages left");
        await Task.Delay(TimeSpan.FromSeconds(3)); // let the last runs finish their record writes
        marks.Enqueue((clock.Elapsed.TotalSeconds, "drained"));
        var report = await ReportAsync(stack, plan, [.. sends], result, [.. events], faults, drained, tag);
        await TimelineAsync(stack, [.. sends], started, [.. marks]);
        return report;
    }

    /// <summary>What a send carries. Every kind but <see cref="Kind.MultiPacket"/> carries one request.</summary>
    private enum Kind
    {
        Native,
        BrassRing,

        /// <summary>A BrassRing envelope with two candidate packets and a requisition packet; one in four adds an invalid candidate.</summary>
        MultiPacket,

        /// <summary>A native request with an Idempotency-Key of its own.</summary>
        Keyed,

        /// <summary>An earlier keyed request's key with the same body: must answer that request's id.</summary>
        KeyedSameBody,

        /// <summary>An earlier keyed request's key with another body: must be refused (409) and never delivered.</summary>
        KeyedOtherBody,
    }

    /// <summary>One request a send carries: its logical number, its candidate id, and whether it must be refused.</summary>
    private sealed record Unit(int Logical, string ExId, string PacketId, bool MustBeRefused);

    private sealed record Planned(Kind Kind, bool IsRetransmission, LoadRequest Request, IReadOnlyList<Unit> Units);

    /// <summary>What one request of a send got: acknowledged with a tracking id, or refused (naming the id that holds the key).</summary>
    private sealed record Outcome(bool Ack, string? TrackingId, bool Refused, string? NamedId);

    private sealed record SendRecord(int Index, int Logical, string ExId, Kind Kind, bool IsRetransmission, int Status, bool Ack, string? TrackingId,
        bool Refused, string? Error, DateTimeOffset AnsweredAt);

    private sealed record DeadLetterRecord(string TrackingId, string State, string Reason, string? ExId, int Attempts);

    /// <summary>
    /// Which request each send carries: new ones are mostly single native or BrassRing requests, with multi-packet
    /// envelopes and keyed native requests mixed in; about 5 % repeat an earlier send's exact bytes, and a few re-use an
    /// earlier key with the same body or with another body.
    /// </summary>
    private static Planned[] Plan(int total, out string tag)
    {
        var runTag = tag = Payloads.NewRunTag();
        var random = new Random(7);
        var plan = new Planned[total];
        var keyed = new List<Planned>();
        var uri = new Uri("api/interview-alerts", UriKind.Relative);
        var logical = 0;
        Unit NewUnit(string packetId = "1", bool mustBeRefused = false)
        {
            var number = logical++;
            return new Unit(number, Payloads.CandidateId(runTag, number), packetId, mustBeRefused);
        }

        LoadRequest Native(Unit unit, string? key) =>
            new(HttpMethod.Post, uri, Payloads.Native(runTag, unit.Logical), Payloads.NativeContentType, null, key);

        for (var i = 0; i < total; i++)
        {
            var pick = random.NextDouble();
            if (i >= 100 && pick < 0.05)
            {
                plan[i] = plan[random.Next(0, i - 20)] with { IsRetransmission = true };
                continue;
            }

            if (keyed.Count > 20 && pick < 0.09)
            {
                var earlier = keyed[random.Next(0, keyed.Count - 10)];
                plan[i] = pick < 0.07
                    ? earlier with { Kind = Kind.KeyedSameBody, IsRetransmission = true }
                    : NewOtherBody(earlier);
                continue;
            }

            plan[i] = pick switch
            {
                < 0.40 => Single(Kind.Native),
                < 0.75 => Single(Kind.BrassRing),
                < 0.88 => MultiPacket(invalid: random.Next(4) == 0),
                _ => NewKeyed(),
            };
        }

        return plan;

        Planned Single(Kind kind)
        {
            var unit = NewUnit();
            return new Planned(kind, false, kind == Kind.Native
                ? Native(unit, null)
                : new LoadRequest(HttpMethod.Post, uri, Payloads.BrassRing(runTag, unit.Logical), Payloads.BrassRingContentType, Payloads.BrassRingAuthorization),
                [unit]);
        }

        Planned NewKeyed()
        {
            var unit = NewUnit();
            var planned = new Planned(Kind.Keyed, false, Native(unit, $"soak-{runTag}-{unit.Logical}"), [unit]);
            keyed.Add(planned);
            return planned;
        }

        Planned NewOtherBody(Planned earlier)
        {
            var unit = NewUnit(mustBeRefused: true);
            return new Planned(Kind.KeyedOtherBody, false, Native(unit, earlier.Request.IdempotencyKey), [unit]);
        }

        Planned MultiPacket(bool invalid)
        {
            var first = NewUnit("1");
            var second = NewUnit("2");
            var third = invalid ? NewUnit("4", mustBeRefused: true) : null;
            var body = MultiPacketEnvelope(runTag, first, second, third);
            return new Planned(Kind.MultiPacket, false,
                new LoadRequest(HttpMethod.Post, uri, body, Payloads.BrassRingContentType, Payloads.BrassRingAuthorization),
                third is null ? [first, second] : [first, second, third]);
        }
    }

    /// <summary>
    /// The reference envelope with its candidate packet repeated per unit (own PacketId and CANDIDATEID; an invalid one
    /// asks for a 3-minute interview) and a requisition packet (PacketId 3) after them.
    /// </summary>
    private static byte[] MultiPacketEnvelope(string tag, Unit first, Unit second, Unit? invalid)
    {
        var template = Encoding.UTF8.GetString(Payloads.BrassRing(tag, first.Logical));
        var start = template.IndexOf("<Packet>", StringComparison.Ordinal);
        var end = template.LastIndexOf("</Packet>", StringComparison.Ordinal) + "</Packet>".Length;
        var candidate = template[start..end];
        string PacketFor(Unit unit, bool valid) => candidate
            .Replace("<PacketId>1</PacketId>", $"<PacketId>{unit.PacketId}</PacketId>", StringComparison.Ordinal)
            .Replace($"<CANDIDATEID>{first.ExId}</CANDIDATEID>", $"<CANDIDATEID>{unit.ExId}</CANDIDATEID>", StringComparison.Ordinal)
            .Replace("<INTERVIEWDURATION>30</INTERVIEWDURATION>", valid ? "<INTERVIEWDURATION>30</INTERVIEWDURATION>" : "<INTERVIEWDURATION>3</INTERVIEWDURATION>", StringComparison.Ordinal);
        const string Requisition = """
              <Packet>
                <PacketInfo packetType="data"><PacketId>3</PacketId><Action>SET</Action><Manifest>ACME_SCHEDVENDOR_REQEXPORT</Manifest></PacketInfo>
                <Payload><![CDATA[<ACME_SCHEDVENDOR_REQEXPORT><BRREQNUMBER>18842BR</BRREQNUMBER></ACME_SCHEDVENDOR_REQEXPORT>]]></Payload>
              </Packet>
            """;
        var packets = PacketFor(first, true) + PacketFor(second, true) + Requisition + (invalid is null ? "" : PacketFor(invalid, false));
        return Encoding.UTF8.GetBytes(string.Concat(template.AsSpan(0, start), packets, template.AsSpan(end)));
    }

    /// <summary>Each unit's outcome: native by HTTP status (202 / 409); BrassRing by its own packet's Status.</summary>
    private static IReadOnlyList<Outcome> Outcomes(Planned planned, Sent sent)
    {
        if (planned.Request.Authorization is null)
        {
            var named = Payloads.TrackingId(sent.Answer);
            return [new Outcome(sent.Status == 202, sent.Status == 202 ? named : null, sent.Status == 409, sent.Status == 409 ? named : null)];
        }

        var packets = PacketStatuses(sent.Answer);
        return [.. planned.Units.Select(unit => packets.TryGetValue(unit.PacketId, out var packet)
            ? new Outcome(packet.Code == 200, packet.Code == 200 ? packet.TrackingId : null, packet.Code == 405, packet.Code == 405 ? packet.TrackingId : null)
            : new Outcome(false, null, false, null))];
    }

    /// <summary>PacketId → the packet's Status code and the tracking id its LongDescription names, from a BrassRing answer.</summary>
    private static Dictionary<string, (int Code, string? TrackingId)> PacketStatuses(byte[] answer)
    {
        var result = new Dictionary<string, (int, string?)>(StringComparer.Ordinal);
        if (answer.Length == 0) return result;
        try
        {
            foreach (var info in System.Xml.Linq.XDocument.Parse(Encoding.UTF8.GetString(answer)).Descendants("PacketInfo"))
            {
                var status = info.Element("Status");
                if (info.Element("PacketId")?.Value is not { } packetId || status is null) continue;
                result[packetId] = (int.Parse(status.Element("Code")!.Value, CultureInfo.InvariantCulture),
                    Payloads.TrackingId(Encoding.UTF8.GetBytes(status.Element("LongDescription")?.Value ?? "")));
            }
        }
        catch (System.Xml.XmlException)
        {
            // Not an envelope (a connection failure's empty or partial answer): no packet acknowledged.
        }

        return result;
    }

    /// <summary>
    /// Every 150 ms one transient fault (weighted mix); every 7 s all tokens expire; every 4th expiry also fails the next
    /// token request once; a few permanent faults (400, business error) spread over the first 80 % of the run.
    /// </summary>
    private static async Task InjectFaultsAsync(Stack stack, ConcurrentDictionary<string, int> counts, int total, Func<int> progress, CancellationToken stop)
    {
        var random = new Random(11);
        var transient = new (string Name, int Weight, object Rule)[]
        {
            ("HTTP 500", 3, new { Target = "InterviewAlerts", Count = 1, Status = 500 }),
            ("HTTP 502", 1, new { Target = "InterviewAlerts", Count = 1, Status = 502 }),
            ("HTTP 504", 1, new { Target = "InterviewAlerts", Count = 1, Status = 504 }),
            ("HTTP 503 x2 (retried in-call)", 2, new { Target = "InterviewAlerts", Count = 2, Status = 503 }),
            ("HTTP 429 Retry-After 1 s (waited in-call)", 2, new { Target = "InterviewAlerts", Count = 1, Status = 429, RetryAfterSeconds = 1 }),
            ("HTTP 429 Retry-After 3 s (re-queued)", 1, new { Target = "InterviewAlerts", Count = 1, Status = 429, RetryAfterSeconds = 3 }),
            ("timeout (3 s delay > 1 s attempt timeout)", 2, new { Target = "InterviewAlerts", Count = 1, DelayMilliseconds = 3000 }),
        };
        var weights = transient.Sum(t => t.Weight);
        var tick = 0;
        var expiries = 0;
        var permanent400 = 0;
        var permanentBusiness = 0;
        var lastExpiry = Stopwatch.StartNew();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(150, stop);
                tick++;
                var pick = random.Next(weights);
                var fault = transient.First(t => (pick -= t.Weight) < 0);
                await stack.AddFaultAsync(fault.Rule);
                counts.AddOrUpdate(fault.Name, 1, (_, n) => n + 1);

                if (lastExpiry.Elapsed >= TimeSpan.FromSeconds(7))
                {
                    lastExpiry.Restart();
                    await stack.ExpireTokensAsync();
                    counts.AddOrUpdate("token expiry (all tokens)", 1, (_, n) => n + 1);
                    if (++expiries % 4 == 0)
                    {
                        await stack.AddFaultAsync(new { Target = "Token", Count = 1, Status = 503 });
                        counts.AddOrUpdate("token endpoint HTTP 503", 1, (_, n) => n + 1);
                    }
                }

                // Permanent faults, spread evenly by progress over the first 80 % of the sends.
                var due = (int)(progress() / (0.8 * total) * PermanentFaultsPerKind);
                if (permanent400 < Math.Min(due, PermanentFaultsPerKind))
                {
                    permanent400++;
                    await stack.AddFaultAsync(new { Target = "InterviewAlerts", Count = 1, Status = 400 });
                    counts.AddOrUpdate("permanent: HTTP 400", 1, (_, n) => n + 1);
                }

                if (permanentBusiness < Math.Min(due, PermanentFaultsPerKind))
                {
                    permanentBusiness++;
                    await stack.AddFaultAsync(new { Target = "InterviewAlerts", Count = 1, BusinessError = "Soak: candidate declined by injected business rule" });
                    counts.AddOrUpdate("permanent: business error (200, success 0)", 1, (_, n) => n + 1);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Sending finished.
        }
    }

    private static async Task<int> ReportAsync(Stack stack, Planned[] plan, List<SendRecord> sends, RunResult result, List<string> events,
        ConcurrentDictionary<string, int> faults, bool drained, string tag)
    {
        var records = await stack.SandboxRequestsAsync();
        var deadLetters = await ReadDeadLettersAsync(stack);
        var poison = (await stack.Queue(StorageNames.PoisonQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount;
        var tokens = await stack.TokensIssuedAsync();

        // Per logical request (ex_id is unique per logical request), per tracking id.
        var exIdOf = sends.GroupBy(s => s.Logical).ToDictionary(g => g.Key, g => g.First().ExId);
        var acked = sends.Where(s => s.Ack).ToList();
        var ackedLogical = acked.Select(s => s.Logical).ToHashSet();
        var ackedTracking = acked.Select(s => s.TrackingId!).ToHashSet();
        var ok200 = records.Where(r => r.Status == 200 && r.TrackingId is not null).GroupBy(r => r.TrackingId!).ToDictionary(g => g.Key, g => g.ToList());
        var deadByTracking = deadLetters.GroupBy(d => d.TrackingId).ToDictionary(g => g.Key, g => g.ToList());
        var declined = deadLetters.Where(d => d.Reason.Contains("declined", StringComparison.Ordinal)).Select(d => d.TrackingId).ToHashSet();
        var deliveredTracking = ok200.Keys.Where(t => !declined.Contains(t)).ToHashSet();
        var deliveredTwice = ok200.Where(kv => kv.Value.Count > 1).Select(kv => kv.Key).ToList();
        var lost = ackedTracking.Where(t => !deliveredTracking.Contains(t) && !deadByTracking.ContainsKey(t)).ToList();
        var recordedExIds = records.Select(r => Payloads.ExId(r.Body)).Where(e => e is not null).ToHashSet();
        var deadExIds = deadLetters.Select(d => d.ExId).Where(e => e is not null).ToHashSet();
        var ghost = ok200.Keys.Where(t => !ackedTracking.Contains(t)).ToList();

        // Bodies: each tracking id was given for one request (one ex_id), and Paradox (or the dead letters) got that body.
        var exIdsOfTracking = acked.GroupBy(s => s.TrackingId!).ToDictionary(g => g.Key, g => g.Select(s => s.ExId).ToHashSet());
        var idsNamedForTwoBodies = exIdsOfTracking.Where(kv => kv.Value.Count > 1).Select(kv => kv.Key).ToList();
        var anotherBody = ok200.Where(kv => exIdsOfTracking.TryGetValue(kv.Key, out var expected) && kv.Value.Any(r => !expected.Contains(Payloads.ExId(r.Body) ?? "")))
            .Select(kv => kv.Key)
            .Concat(deadLetters.Where(d => exIdsOfTracking.TryGetValue(d.TrackingId, out var expected) && !expected.Contains(d.ExId ?? "")).Select(d => d.TrackingId))
            .Distinct()
            .ToList();

        // Never acknowledged (503, 409, an invalid packet): nothing of it may arrive anywhere.
        var neverAcked = sends.Where(s => !ackedLogical.Contains(s.Logical)).Select(s => s.Logical).ToHashSet();
        var neverAckedButArrived = neverAcked.Where(l => recordedExIds.Contains(exIdOf[l]) || deadExIds.Contains(exIdOf[l])).ToList();

        // 503s: each must be a request that was not queued by that call.
        var unavailable = sends.Where(s => s.Status == 503 && !s.Ack).ToList();
        var unavailableNeverAcked = unavailable.Where(s => !ackedLogical.Contains(s.Logical)).ToList();
        var unavailableNeverAckedButArrived = unavailableNeverAcked.Where(s => neverAckedButArrived.Contains(s.Logical)).ToList();
        var unavailableAckedElsewhere = unavailable.Count - unavailableNeverAcked.Count;

        // Key reuse and multi-packet envelopes.
        var firstIdOfKey = acked.Where(s => s.Kind == Kind.Keyed).GroupBy(s => s.Logical).ToDictionary(g => g.Key, g => g.First().TrackingId);
        var sameBody = sends.Where(s => s.Kind == Kind.KeyedSameBody).ToList();
        var otherBody = sends.Where(s => s.Kind == Kind.KeyedOtherBody).ToList();
        var otherBodyAcked = otherBody.Where(s => s.Ack).ToList();
        var multi = sends.Where(s => s.Kind == Kind.MultiPacket).ToList();
        var invalidPackets = multi.Where(s => plan[s.Index].Units.Single(u => u.Logical == s.Logical).MustBeRefused).ToList();

        var retransmissions = sends.Count(s => s.IsRetransmission);
        var unexplained = deadLetters.Where(d => !Explained(d)).ToList();
        var permanentInjected = faults.Where(f => f.Key.StartsWith("permanent", StringComparison.Ordinal)).Sum(f => f.Value);

        // For anything lost or delivered twice: what the record says, to find the cause.
        var table = stack.Adapter.Services.GetRequiredService<TableClient>();
        var diagnostics = new List<string>();
        foreach (var id in lost.Concat(deliveredTwice).Take(40))
        {
            var entity = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {id}")).FirstOrDefaultAsync();
            var sandbox = ok200.TryGetValue(id, out var hits) ? string.Join(", ", hits.Select(h => h.ReceivedAt.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture))) : "none";
            diagnostics.Add($"{id}: record {(entity is not null ? $"{entity.GetString("State")} attempts {entity.GetInt32("Attempts")} last error {entity.GetString("LastError")}" : "missing")}; sandbox 200s at {sandbox}");
        }

        var pass = drained && lost.Count == 0 && deliveredTwice.Count == 0 && unexplained.Count == 0 && ghost.Count == 0 && unavailableNeverAckedButArrived.Count == 0
            && anotherBody.Count == 0 && idsNamedForTwoBodies.Count == 0 && neverAckedButArrived.Count == 0 && invalidPackets.All(s => !s.Ack);
        var counts = new List<(string Metric, object Value, string Note)>
        {
            ("sent (HTTP requests)", result.Requests, $"{plan.Length} planned, carrying {sends.Count} requests; {retransmissions} requests in exact retransmissions of earlier sends"),
            ("multi-packet envelopes", multi.Select(s => s.Index).Distinct().Count(), $"{multi.Count} candidate packets, {multi.Count(s => s.Ack)} acknowledged with a 200 of their own; {invalidPackets.Count} invalid packets, {invalidPackets.Count(s => s.Refused)} answered 405, {invalidPackets.Count(s => s.Ack)} acknowledged (target 0)"),
            ("same key + same body", sameBody.Count, $"{sameBody.Count(s => s.Ack && firstIdOfKey.TryGetValue(s.Logical, out var id) && id == s.TrackingId)} answered the first request's id; {sameBody.Count(s => s.Ack && (!firstIdOfKey.TryGetValue(s.Logical, out var id) || id != s.TrackingId))} another id (target 0)"),
            ("same key + other body", otherBody.Count, $"{otherBody.Count(s => s.Refused)} refused with 409; {otherBodyAcked.Count} accepted (only right when the key's first request was never stored)"),
            ("acknowledged requests (202 / packet 200)", acked.Count, $"{acked.Count(s => s.IsRetransmission)} of them retransmissions"),
            ("503 at ingest (requests)", unavailable.Count, "storage unavailable (Azurite restart)"),
            ("other answers (requests)", sends.Count(s => !s.Ack && s.Status != 503), string.Join(" ", sends.Where(s => !s.Ack && s.Status != 503).GroupBy(s => s.Status).Select(g => $"{g.Key}x{g.Count()}"))),
            ("accepted (distinct tracking ids acknowledged)", ackedTracking.Count, $"{ackedLogical.Count} distinct requests"),
            ("delivered (distinct tracking ids with a 200 at the sandbox)", deliveredTracking.Count, "business-error answers excluded (they are dead letters)"),
            ("delivered twice", deliveredTwice.Count, "target 0"),
            ("lost (acknowledged, neither delivered nor dead-lettered)", lost.Count, "target 0"),
            ("delivered with another request's body", anotherBody.Count, "the sandbox's (or dead letter's) body for a tracking id is not the body of the request given that id; target 0"),
            ("tracking ids given for two different bodies", idsNamedForTwoBodies.Count, "target 0"),
            ("never acknowledged but delivered", neverAckedButArrived.Count, $"{neverAcked.Count} requests never acknowledged (503, 409, invalid packet); target 0"),
            ("dead-lettered", deadLetters.Count, $"{permanentInjected} permanent faults injected; {unexplained.Count} dead letters unexplained (target 0)"),
            ("poison queue left", poison, ""),
            ("delivered but never acknowledged", ghost.Count, "a 503 that queued anyway would show here; target 0"),
            ("503s to requests never acknowledged", unavailableNeverAcked.Count, $"of which reached Paradox or the dead letters: {unavailableNeverAckedButArrived.Count} (target 0)"),
            ("503s to requests acknowledged on another send", unavailableAckedElsewhere, "e.g. a retransmission during the outage of a request accepted earlier; nothing was queued by the 503"),
            ("token requests", tokens, $"{faults.GetValueOrDefault("token expiry (all tokens)")} forced expiries (+1 first token) allow at most {faults.GetValueOrDefault("token expiry (all tokens)") + 1}"),
            ("drained within bound", drained ? "yes" : "no", ""),
        };

        Evidence.Csv("soak", ["metric", "value", "note"], counts.Select(c => new object?[] { c.Metric, c.Value, c.Note }));
        Evidence.Csv("soak-deadletters", ["tracking_id", "state", "attempts", "reason"], deadLetters.Select(d => new object?[] { d.TrackingId, d.State, d.Attempts, d.Reason }));
        Evidence.Csv("soak-faults", ["fault", "injected"], faults.OrderBy(f => f.Key).Select(f => new object?[] { f.Key, f.Value }));

        var text = new StringBuilder();
        text.AppendLine("| count | value | note |");
        text.AppendLine("|---|---:|---|");
        foreach (var (metric, value, note) in counts) text.AppendLine(CultureInfo.InvariantCulture, $"| {metric} | {Evidence.Cell(value)} | {note} |");
        text.AppendLine();
        text.AppendLine("Faults injected into the sandbox:");
        text.AppendLine();
        text.AppendLine("| fault | times injected |");
        text.AppendLine("|---|---:|");
        foreach (var (name, n) in faults.OrderBy(f => f.Key)) text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {n} |");
        text.AppendLine();
        text.AppendLine("Dead letters (each with its reason):");
        text.AppendLine();
        text.AppendLine("| reason | state | count |");
        text.AppendLine("|---|---|---:|");
        foreach (var group in deadLetters.GroupBy(d => (d.Reason, d.State))) text.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key.Reason} | {group.Key.State} | {group.Count()} |");
        text.AppendLine();
        text.AppendLine("Timeline:");
        text.AppendLine();
        text.AppendLine("```");
        foreach (var line in events) text.AppendLine(line);
        text.AppendLine("```");
        if (diagnostics.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Lost / delivered twice, with their records:");
            text.AppendLine();
            foreach (var line in diagnostics) text.AppendLine("- " + line);
        }

        text.AppendLine();
        text.AppendLine(pass
            ? "Result: all targets met (0 lost, 0 delivered twice, 0 delivered with another request's body, every dead letter explained, nothing refused or answered 503 was delivered)."
            : "Result: TARGETS MISSED, see above.");
        Evidence.Markdown("soak", text.ToString());
        Console.WriteLine(text);
        return pass ? 0 : 1;
    }

    /// <summary>
    /// Outcomes over time, for the plot: every request a send carried with the second (since the soak began) its answer
    /// came, what it was, and when Paradox first answered 200 for its tracking id; Paradox's 200s per second; the
    /// soak's events (storage outage, end of sending, drained).
    /// </summary>
    private static async Task TimelineAsync(Stack stack, List<SendRecord> sends, DateTimeOffset started, List<(double Second, string What)> marks)
    {
        var records = await stack.SandboxRequestsAsync();
        var deadLetters = (await ReadDeadLettersAsync(stack)).Select(d => d.TrackingId).ToHashSet();
        var firstOk = records.Where(r => r.Status == 200 && r.TrackingId is not null).GroupBy(r => r.TrackingId!)
            .ToDictionary(g => g.Key, g => (g.Min(r => r.ReceivedAt) - started).TotalSeconds);
        static string Outcome(SendRecord s) => s.Ack ? "acknowledged" : s.Status == 503 ? "unavailable" : s.Status == 0 ? "no answer" : "refused";
        Evidence.Csv("soak-requests", ["answered_s", "kind", "retransmission", "status", "outcome", "paradox_200_s", "dead_lettered"],
            sends.OrderBy(s => s.AnsweredAt).Select(s => new object?[]
            {
                Math.Round((s.AnsweredAt - started).TotalSeconds, 3), s.Kind, s.IsRetransmission ? 1 : 0, s.Status, Outcome(s),
                s.TrackingId is { } id && firstOk.TryGetValue(id, out var at) ? Math.Round(at, 3) : null,
                s.TrackingId is { } dead && deadLetters.Contains(dead) ? 1 : 0,
            }));
        // The sandbox records the requests it processed; an injected fault is answered without being recorded.
        Evidence.Csv("soak-paradox", ["second", "answered_200"],
            records.Where(r => r.Status == 200).GroupBy(r => (int)Math.Floor((r.ReceivedAt - started).TotalSeconds)).OrderBy(g => g.Key)
                .Select(g => new object?[] { g.Key, g.Count() }));
        Evidence.Csv("soak-events", ["second", "event"], marks.Select(m => new object?[] { Math.Round(m.Second, 1), m.What }));
    }

    /// <summary>A dead letter is explained when its reason is one of the permanent faults the soak injected.</summary>
    private static bool Explained(DeadLetterRecord d) =>
        (d.State == "Rejected" && d.Reason.Contains("Injected fault 400", StringComparison.Ordinal))
        || (d.State == "Rejected" && d.Reason.Contains("Soak: candidate declined by injected business rule", StringComparison.Ordinal));

    /// <summary>All dead letters (blobs of the dead-letter container), read without deleting.</summary>
    private static async Task<List<DeadLetterRecord>> ReadDeadLettersAsync(Stack stack)
    {
        var container = new Azure.Storage.Blobs.BlobContainerClient(stack.Azurite.ConnectionString, StorageNames.DeadLetterContainer);
        var all = new List<DeadLetterRecord>();
        if (!await container.ExistsAsync()) return all;
        await foreach (var blob in container.GetBlobsAsync())
        {
            var text = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
            DeliveryMessageSerializer.TryDeserialize<DeadLetter>(text, out var deadLetter, out _);
            all.Add(new DeadLetterRecord(deadLetter?.TrackingId ?? "unreadable", deadLetter?.State.ToString() ?? "?", deadLetter?.Reason ?? text,
                deadLetter?.Message?.Body is { } body ? Payloads.ExId(System.Text.Encoding.UTF8.GetString(body)) : null, deadLetter?.Message?.Attempt ?? 0));
        }

        return all;
    }
}
