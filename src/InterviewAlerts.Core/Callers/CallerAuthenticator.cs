using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Ingest;

namespace InterviewAlerts.Core.Callers;

/// <summary>Decides who sent a call, from its credentials and the shape of its body. Null: not authenticated.</summary>
public sealed class CallerAuthenticator(BrassRingCallerAuthenticator brassRingCallers)
{
    public async Task<Caller?> AuthenticateAsync(RequestShape shape, string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (shape != RequestShape.BrassRing) return Caller.Anonymous;
        var brassRing = await brassRingCallers.AuthenticateAsync(authorizationHeader, cancellationToken).ConfigureAwait(false);
        return brassRing is null ? null : new Caller(brassRing.Username);
    }
}
