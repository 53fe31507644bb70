namespace InterviewAlerts.IntegrationTests.Infrastructure;

/// <summary>Adds a caller's Authorization header to every request that does not carry one of its own.</summary>
public sealed class DefaultCallerHandler(string authorization) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return base.SendAsync(request, cancellationToken);
    }
}
