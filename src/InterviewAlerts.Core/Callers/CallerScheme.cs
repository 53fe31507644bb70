namespace InterviewAlerts.Core.Callers;

/// <summary>How a caller proves who it is.</summary>
public enum CallerScheme
{
    /// <summary>Its secret, as HTTP Basic (user name = caller name) or as a bearer token with the Caller header.</summary>
    Secret,

    /// <summary>Standard Webhooks signatures (webhook-id, webhook-timestamp, webhook-signature) with a whsec_ secret.</summary>
    Signature,
}
