using System.Text.Json.Nodes;

namespace InterviewAlerts.Core.Paradox;

/// <summary>Sends one interview request to Paradox and says what became of it. Never throws for Paradox's answers.</summary>
public interface IParadoxClient
{
    Task<ParadoxOutcome> SendInterviewAlertAsync(JsonObject body, string trackingId, CancellationToken cancellationToken);
}
