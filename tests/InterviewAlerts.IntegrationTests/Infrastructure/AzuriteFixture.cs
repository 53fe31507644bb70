namespace InterviewAlerts.IntegrationTests.Infrastructure;

/// <summary>One Azurite for a test class whose tests keep apart by using tables of their own.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; private set; } = null!;

    public async Task InitializeAsync() => Azurite = await AzuriteProcess.StartNewAsync();

    public async Task DisposeAsync() => await Azurite.DisposeAsync();
}
