using InterviewAlerts.Infra.Tests.Support;

namespace InterviewAlerts.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class StorageTests(CompiledInfra infra)
{
    [Fact]
    public void StorageAccount_DisallowsSharedKeyAccess() =>
        Assert.False((bool?)infra.StorageAccount().Evaluated("properties.allowSharedKeyAccess") ?? true);

    [Fact]
    public void StorageAccount_RequiresTls12() =>
        Assert.Equal("TLS1_2", (string?)infra.StorageAccount().Evaluated("properties.minimumTlsVersion"));

    [Fact]
    public void StorageAccount_DisallowsBlobPublicAccess() =>
        Assert.False((bool?)infra.StorageAccount().Evaluated("properties.allowBlobPublicAccess") ?? true);

    [Fact]
    public void StorageAccount_AllowsHttpsTrafficOnly() =>
        Assert.True((bool?)infra.StorageAccount().Evaluated("properties.supportsHttpsTrafficOnly") ?? false);

    [Fact]
    public void StorageAccount_DefaultsToEntraIdInThePortal() =>
        Assert.True((bool?)infra.StorageAccount().Evaluated("properties.defaultToOAuthAuthentication") ?? false);

    [Theory]
    [InlineData("interview-alerts")]
    [InlineData("interview-alerts-poison")]
    public void Queue_IsCreated(string queue) =>
        AssertChild("Microsoft.Storage/storageAccounts/queueServices/queues", $"/default/{queue}");

    [Fact]
    public void DeadLetters_AreBlobs_NotAQueue() =>
        Assert.DoesNotContain(infra.Main.OfType("Microsoft.Storage/storageAccounts/queueServices/queues").SelectMany(ArmEvaluator.Names),
            name => name.Contains("deadletter", StringComparison.Ordinal));

    [Fact]
    public void Table_InterviewAlertRecords_IsCreated() =>
        AssertChild("Microsoft.Storage/storageAccounts/tableServices/tables", "/default/InterviewAlertRecords");

    [Theory]
    [InlineData("interview-alert-payloads")]
    [InlineData("dead-letters")]
    [InlineData("app-package")]
    public void BlobContainer_IsCreatedPrivate(string container)
    {
        var resource = AssertChild("Microsoft.Storage/storageAccounts/blobServices/containers", $"/default/{container}");
        Assert.Equal("None", (string?)resource.Evaluated("properties.publicAccess"));
    }

    private ArmResource AssertChild(string type, string nameSuffix)
    {
        var resources = infra.Main.OfType(type).ToList();
        var names = resources.SelectMany(ArmEvaluator.Names).ToList();
        var match = resources.FirstOrDefault(r => ArmEvaluator.Names(r).Any(n => n.EndsWith(nameSuffix, StringComparison.Ordinal)));
        Assert.True(match is not null, $"No {type} named *{nameSuffix}. Found: {string.Join(", ", names)}");
        return match;
    }
}
