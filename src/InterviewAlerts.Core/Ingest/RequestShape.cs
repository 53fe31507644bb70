namespace InterviewAlerts.Core.Ingest;

/// <summary>What kind of body arrived on the webhook.</summary>
public enum RequestShape
{
    /// <summary>JSON that already uses Paradox's field names.</summary>
    Native,

    /// <summary>A Kenexa BrassRing envelope (XML, form-encoded XML, or its JSON rendering).</summary>
    BrassRing,
}
