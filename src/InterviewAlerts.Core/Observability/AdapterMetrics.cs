using System.Diagnostics.Metrics;
using System.Globalization;
using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Tracking;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Observability;

/// <summary>
/// Owns the adapter's instruments (meter <see cref="MeterName"/>): their names, units and tags are the constants here,
/// which the workbook and the alert rules are checked against. Tag values are caller names, shapes, configured
/// manifest names, codes and statuses only: never candidate data, never a name a caller merely claimed.
/// </summary>
public sealed class AdapterMetrics
{
    public const string MeterName = Telemetry.SourceName;

    /// <summary>Requests queued for delivery (a BrassRing envelope counts once per candidate packet). Tags: shape, caller, manifest.</summary>
    public const string RequestsAccepted = "interview_alerts.requests.accepted";

    /// <summary>Requests refused for what they sent, tagged with the first error code. Tags: shape, caller, manifest, reason.</summary>
    public const string RequestsRejected = "interview_alerts.requests.rejected";

    /// <summary>Failed caller authentications. Tag: caller (a configured name, or "unknown").</summary>
    public const string AuthenticationFailures = "interview_alerts.auth.failures";

    /// <summary>Delivery outcomes (<see cref="DeliveryOutcomes"/>). Tags: outcome, paradox_status, reason.</summary>
    public const string Deliveries = "interview_alerts.deliveries";

    /// <summary>Seconds from acceptance to Paradox's final answer (delivered or rejected). Tag: outcome.</summary>
    public const string TimeToParadox = "interview_alerts.delivery.time_to_paradox";

    /// <summary>Delivery attempts a request took, recorded when it ends (delivered, rejected, expired). Tag: outcome.</summary>
    public const string DeliveryAttempts = "interview_alerts.delivery.attempts";

    /// <summary>Seconds the oldest visible message has waited in the delivery queue; 0 when it is empty.</summary>
    public const string QueueOldestAge = "interview_alerts.queue.oldest_age";

    public static readonly IReadOnlyList<string> Instruments =
        [RequestsAccepted, RequestsRejected, AuthenticationFailures, Deliveries, TimeToParadox, DeliveryAttempts, QueueOldestAge];

    public const string ShapeTag = "shape";
    public const string CallerTag = "caller";
    public const string ManifestTag = "manifest";
    public const string ReasonTag = "reason";
    public const string OutcomeTag = "outcome";
    public const string ParadoxStatusTag = "paradox_status";

    public static readonly IReadOnlyList<string> Tags = [ShapeTag, CallerTag, ManifestTag, ReasonTag, OutcomeTag, ParadoxStatusTag];

    /// <summary>The caller of a call refused before (or without) authentication; the shape of a body never read.</summary>
    public const string Unknown = "unknown";

    /// <summary>No manifest (native JSON), no Paradox answer (timeout, connection failure), no dead-letter reason.</summary>
    public const string None = "none";

    /// <summary>A manifest the mapping file does not name: what callers send is not a tag value.</summary>
    public const string OtherManifest = "other";

    /// <summary>Reason of a JSON request whose Idempotency-Key was used before with another body.</summary>
    public const string IdempotencyKeyReused = "idempotency_key_reused";

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _authenticationFailures;
    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _timeToParadox;
    private readonly Histogram<int> _attempts;
    private readonly Gauge<double> _queueAge;

    public AdapterMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _accepted = meter.CreateCounter<long>(RequestsAccepted, "{request}", "Requests queued for delivery");
        _rejected = meter.CreateCounter<long>(RequestsRejected, "{request}", "Requests refused for their content");
        _authenticationFailures = meter.CreateCounter<long>(AuthenticationFailures, "{failure}", "Failed caller authentications");
        _deliveries = meter.CreateCounter<long>(Deliveries, "{delivery}", "Delivery outcomes");
        _timeToParadox = meter.CreateHistogram<double>(TimeToParadox, "s", "Time from acceptance to Paradox's final answer");
        _attempts = meter.CreateHistogram<int>(DeliveryAttempts, "{attempt}", "Delivery attempts per ended request");
        _queueAge = meter.CreateGauge<double>(QueueOldestAge, "s", "Age of the oldest visible message in the delivery queue");
    }

    public void RequestAccepted(RequestShape shape, string caller, BrassRingMapping? mapping) =>
        _accepted.Add(1, Tag(ShapeTag, ShapeName(shape)), Tag(CallerTag, caller), Tag(ManifestTag, ManifestName(mapping)));

    /// <param name="shape">Null when the body was never read (too large).</param>
    public void RequestRejected(RequestShape? shape, string caller, BrassRingMapping? mapping, string reason) =>
        _rejected.Add(1, Tag(ShapeTag, shape is { } known ? ShapeName(known) : Unknown), Tag(CallerTag, caller),
            Tag(ManifestTag, ManifestName(mapping)), Tag(ReasonTag, reason));

    /// <summary>A call refused as a whole before ingest: one increment per candidate packet (or one for the body).</summary>
    public void CallRefused(Interpretation interpretation, string caller, string reason)
    {
        ArgumentNullException.ThrowIfNull(interpretation);
        if (interpretation.Packets.Count == 0)
        {
            RequestRejected(interpretation.Shape, caller, interpretation.Mapping, reason);
            return;
        }

        foreach (var packet in interpretation.Packets) RequestRejected(interpretation.Shape, caller, packet.Mapping, reason);
    }

    /// <summary>
    /// What ingest did, per request: each new request counts as accepted; each invalid one as rejected with its first
    /// error code; a reused key as <see cref="IdempotencyKeyReused"/>. Retransmissions and 503s are not counted here.
    /// </summary>
    public void IngestAnswered(IngestResult result, string caller)
    {
        ArgumentNullException.ThrowIfNull(result);
        var interpretation = result.Interpretation;
        if (result.Packets.Count == 0)
        {
            Count(interpretation.Shape, caller, interpretation.Mapping, result.Status, interpretation.Errors);
            return;
        }

        foreach (var packet in result.Packets) Count(interpretation.Shape, caller, packet.Packet.Mapping, packet.Status, packet.Packet.Errors);
    }

    public void AuthenticationFailed(string caller) => _authenticationFailures.Add(1, Tag(CallerTag, caller));

    /// <param name="sinceAcceptance">From the request's acceptance to Paradox's answer.</param>
    public void Delivered(int? paradoxStatus, int attempts, TimeSpan sinceAcceptance)
    {
        var outcome = Tag(OutcomeTag, DeliveryOutcomes.Delivered);
        _deliveries.Add(1, outcome, Tag(ParadoxStatusTag, StatusName(paradoxStatus)), Tag(ReasonTag, None));
        _attempts.Record(attempts, outcome);
        _timeToParadox.Record(sinceAcceptance.TotalSeconds, outcome);
    }

    public void DeliveryRetried(int? paradoxStatus) =>
        _deliveries.Add(1, Tag(OutcomeTag, DeliveryOutcomes.Retried), Tag(ParadoxStatusTag, StatusName(paradoxStatus)), Tag(ReasonTag, None));

    /// <summary>A request ended rejected or expired; only a rejection is Paradox's final answer, so only it records the time.</summary>
    /// <param name="reason">Its code of <c>DeadLetterReasons</c>.</param>
    public void DeliveryEnded(RequestState state, string reason, int? paradoxStatus, int attempts, TimeSpan sinceAcceptance)
    {
        var outcome = Tag(OutcomeTag, state == RequestState.Expired ? DeliveryOutcomes.Expired : DeliveryOutcomes.Rejected);
        _deliveries.Add(1, outcome, Tag(ParadoxStatusTag, StatusName(paradoxStatus)), Tag(ReasonTag, reason));
        _attempts.Record(attempts, outcome);
        if (state != RequestState.Expired) _timeToParadox.Record(sinceAcceptance.TotalSeconds, outcome);
    }

    /// <param name="reason">Its code of <c>DeadLetterReasons</c> (poisoned, unreadable_message).</param>
    public void DeliveryPoisoned(string reason) =>
        _deliveries.Add(1, Tag(OutcomeTag, DeliveryOutcomes.Poisoned), Tag(ParadoxStatusTag, None), Tag(ReasonTag, reason));

    public void OldestQueuedMessageAge(TimeSpan age) => _queueAge.Record(Math.Max(0, age.TotalSeconds));

    private void Count(RequestShape shape, string caller, BrassRingMapping? mapping, IngestStatus status, IReadOnlyList<FieldError> errors)
    {
        switch (status)
        {
            case IngestStatus.Accepted:
                RequestAccepted(shape, caller, mapping);
                break;
            case IngestStatus.Invalid:
                RequestRejected(shape, caller, mapping, errors.Count > 0 ? errors[0].Code : Unknown);
                break;
            case IngestStatus.Conflict:
                RequestRejected(shape, caller, mapping, IdempotencyKeyReused);
                break;
        }
    }

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);

    private static string ShapeName(RequestShape shape) => shape == RequestShape.BrassRing ? "brassring" : "native";

    private static string StatusName(int? status) => status?.ToString(CultureInfo.InvariantCulture) ?? None;

    /// <summary>The manifest only when the mapping file configures it (lower case): bounded, and nothing a caller made up.</summary>
    private static string ManifestName(BrassRingMapping? mapping) => mapping?.Manifest switch
    {
        null => None,
        var manifest when mapping.ConfigurationEntries.Contains(manifest, StringComparer.OrdinalIgnoreCase) => manifest.ToLowerInvariant(),
        _ => OtherManifest,
    };
}
