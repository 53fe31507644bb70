namespace InterviewAlerts.Core.Paradox;

/// <summary>Sends one interview request to Paradox and says what became of it. Never throws for Paradox's answers.</summary>
public interface IParadoxClient
{
    /// <param name="body">The Paradox body's UTF-8 JSON bytes, sent exactly as given.</param>
    Task<ParadoxOutcome> SendInterviewAlertAsync(ReadOnlyMemory<byte> body, string trackingId, CancellationToken cancellationToken);
}
