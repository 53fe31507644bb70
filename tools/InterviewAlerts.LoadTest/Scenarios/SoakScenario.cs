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
/// Fault soak: at least 10,000 mixed requests (native and BrassRing, about 5 % exact retransmissions of earlier
/// sends) while the sandbox injects 5xx, 429 with Retry-After, timeouts (a delay longer than the adapter's attempt
/// timeout), token expiry and token-endpoint failures, plus a few permanent faults (400, business error) whose dead
/// letters must match; Azurite (persisted with --location) is stopped gracefully and started again on the same ports
/// half-way. Then the queue is left to drain (bounded) and every acknowledged request is accounted for.
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
            await stack.CutStorageAsync();
            // Azurite's stores save every 5 s; with nobody connected, let one save pass before stopping it, so what
            // it acknowledged before the cut is on disk even if its own shutdown save were to miss something.
            await Task.Delay(TimeSpan.FromSeconds(6));
            var graceful = await stack.Azurite.StopGracefullyAsync(TimeSpan.FromSeconds(30));
            Event($"Azurite stopped with SIGINT: {(graceful ? "all three services reported a clean close (stores flushed), process then ended" : "did NOT close within 30 s and was killed")} after {stopWatch.Elapsed.TotalSeconds:F1} s; down for 3 s");
            await Task.Delay(TimeSpan.FromSeconds(3));
            await stack.Azurite.StartAsync();
            stack.ResumeStorage();
            Event($"Azurite started again on the same ports from its --location store (pid {stack.Azurite.ProcessId}); relays open; outage lasted {stopWatch.Elapsed.TotalSeconds:F1} s");
        });

        var result = await LoadGenerator.RunAsync(client, Workers, total, TimeSpan.FromSeconds((total / Rate) + 240),
            i => plan[i].Request,
            s => IsAck(plan[s.Index].Shape, s),
            Rate,
            s =>
            {
                Interlocked.Increment(ref progress);
                var ack = IsAck(plan[s.Index].Shape, s);
                sends.Add(new SendRecord(s.Index, plan[s.Index].Logical, plan[s.Index].Shape, plan[s.Index].IsRetransmission, s.Status, ack,
                    ack ? Payloads.TrackingId(s.Answer) : null, s.Error));
            });
        await sendingDone.CancelAsync();
        await injector;
        await restart;
        using (var cleared = await stack.Control.DeleteAsync(new Uri("sandbox/faults", UriKind.Relative)))
        {
            cleared.EnsureSuccessStatusCode();
        }

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
        return await ReportAsync(stack, plan, [.. sends], result, [.. events], faults, drained, tag);
    }

    private sealed record Planned(int Logical, Shape Shape, bool IsRetransmission, LoadRequest Request);

    private sealed record SendRecord(int Index, int Logical, Shape Shape, bool IsRetransmission, int Status, bool Ack, string? TrackingId, string? Error);

    private sealed record DeadLetterRecord(string TrackingId, string State, string Reason, string? ExId, int Attempts);

    /// <summary>Which request each send carries: new ones alternate shapes at random; about 5 % repeat an earlier send's exact bytes.</summary>
    private static Planned[] Plan(int total, out string tag)
    {
        tag = Payloads.NewRunTag();
        var random = new Random(7);
        var plan = new Planned[total];
        var uri = new Uri("api/interview-alerts", UriKind.Relative);
        for (var i = 0; i < total; i++)
        {
            if (i >= 100 && random.NextDouble() < 0.05)
            {
                var earlier = plan[random.Next(0, i - 20)];
                plan[i] = earlier with { IsRetransmission = true };
                continue;
            }

            var shape = random.NextDouble() < 0.5 ? Shape.Native : Shape.BrassRing;
            plan[i] = new Planned(i, shape, false,
                new LoadRequest(HttpMethod.Post, uri, Payloads.Body(shape, tag, i), Payloads.ContentType(shape), Payloads.Authorization(shape)));
        }

        return plan;
    }

    private static bool IsAck(Shape shape, Sent sent) =>
        shape == Shape.Native ? sent.Status == 202 : sent.Status == 200 && Payloads.IsBrassRingAccepted(sent.Answer);

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
        var exIdOf = Enumerable.Range(0, plan.Length).Where(i => !plan[i].IsRetransmission).ToDictionary(i => i, i => Payloads.CandidateId(tag, i));
        var acked = sends.Where(s => s.Ack).ToList();
        var ackedLogical = acked.Select(s => s.Logical).ToHashSet();
        var trackingOfLogical = acked.GroupBy(s => s.Logical).ToDictionary(g => g.Key, g => g.Select(s => s.TrackingId).Distinct().ToList());
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

        // 503s: each must be a request that was not queued by that call.
        var unavailable = sends.Where(s => s.Status == 503).ToList();
        var unavailableNeverAcked = unavailable.Where(s => !ackedLogical.Contains(s.Logical)).ToList();
        var unavailableNeverAckedButArrived = unavailableNeverAcked.Where(s => recordedExIds.Contains(exIdOf[s.Logical]) || deadExIds.Contains(exIdOf[s.Logical])).ToList();
        var unavailableAckedElsewhere = unavailable.Count - unavailableNeverAcked.Count;

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

        var pass = drained && lost.Count == 0 && deliveredTwice.Count == 0 && unexplained.Count == 0 && ghost.Count == 0 && unavailableNeverAckedButArrived.Count == 0;
        var counts = new List<(string Metric, object Value, string Note)>
        {
            ("sent (HTTP requests)", result.Requests, $"{plan.Length} planned; {retransmissions} exact retransmissions of earlier sends"),
            ("acknowledged (202 / envelope 200)", acked.Count, $"{acked.Count(s => s.IsRetransmission)} of them retransmissions"),
            ("503 at ingest", unavailable.Count, "storage unavailable (Azurite restart)"),
            ("other answers", sends.Count(s => !s.Ack && s.Status != 503), string.Join(" ", sends.Where(s => !s.Ack && s.Status != 503).GroupBy(s => s.Status).Select(g => $"{g.Key}x{g.Count()}"))),
            ("accepted (distinct tracking ids acknowledged)", ackedTracking.Count, $"{ackedLogical.Count} distinct requests"),
            ("delivered (distinct tracking ids with a 200 at the sandbox)", deliveredTracking.Count, "business-error answers excluded (they are dead letters)"),
            ("delivered twice", deliveredTwice.Count, "target 0"),
            ("lost (acknowledged, neither delivered nor dead-lettered)", lost.Count, "target 0"),
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
        text.AppendLine(pass ? "Result: all targets met (0 lost, 0 delivered twice, every dead letter explained, every 503 queued nothing)." : "Result: TARGETS MISSED, see above.");
        Evidence.Markdown("soak", text.ToString());
        Console.WriteLine(text);
        return pass ? 0 : 1;
    }

    /// <summary>A dead letter is explained when its reason is one of the permanent faults the soak injected.</summary>
    private static bool Explained(DeadLetterRecord d) =>
        (d.State == "Rejected" && d.Reason.Contains("Injected fault 400", StringComparison.Ordinal))
        || (d.State == "Rejected" && d.Reason.Contains("Soak: candidate declined by injected business rule", StringComparison.Ordinal));

    /// <summary>All dead letters, read without deleting (received with a long invisibility, then left to reappear).</summary>
    private static async Task<List<DeadLetterRecord>> ReadDeadLettersAsync(Stack stack)
    {
        var queue = stack.Queue(StorageNames.DeadLetterQueue);
        var all = new List<DeadLetterRecord>();
        for (var round = 0; round < 200; round++)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10))).Value;
            if (batch.Length == 0) break;
            foreach (var message in batch)
            {
                DeliveryMessageSerializer.TryDeserialize<DeadLetter>(message.Body.ToString(), out var deadLetter, out _);
                all.Add(new DeadLetterRecord(deadLetter?.TrackingId ?? "unreadable", deadLetter?.State.ToString() ?? "?", deadLetter?.Reason ?? message.Body.ToString(),
                    deadLetter?.Message?.Body is { } body ? Payloads.ExId(System.Text.Encoding.UTF8.GetString(body)) : null, deadLetter?.Message?.Attempt ?? 0));
            }
        }

        return all;
    }
}
