using InterviewAlerts.Infra.Tests.Support;

namespace InterviewAlerts.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class RoleAssignmentTests(CompiledInfra infra)
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    public static TheoryData<string, string, string> RequiredRoles() => new()
    {
        { "Storage Blob Data Owner", StorageBlobDataOwner, InfraFacts.StorageAccountType },
        { "Storage Queue Data Contributor", StorageQueueDataContributor, InfraFacts.StorageAccountType },
        { "Storage Table Data Contributor", StorageTableDataContributor, InfraFacts.StorageAccountType },
        { "Key Vault Secrets User", KeyVaultSecretsUser, InfraFacts.VaultType },
        { "Monitoring Metrics Publisher", MonitoringMetricsPublisher, InfraFacts.AppInsightsType },
    };

    [Theory]
    [MemberData(nameof(RequiredRoles))]
    public void AppIdentity_HasRoleOnItsResource(string role, string roleId, string scopeType)
    {
        var assignment = AppAssignment(role, roleId);

        var scope = assignment.Evaluated("scope")?.ToString() ?? string.Empty;
        Assert.Contains($"/providers/{scopeType}/", scope, StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", (string?)assignment.Evaluated("properties.principalType"));
    }

    [Theory]
    [MemberData(nameof(RequiredRoles))]
    public void AppIdentity_RoleAssignmentNameIsGuidOfScopePrincipalAndRole(string role, string roleId, string scopeType)
    {
        var assignment = AppAssignment(role, roleId);
        var name = (string?)assignment.Raw("name") ?? string.Empty;

        var guid = Assert.IsType<ArmCall>(ArmExpression.Parse(name));
        Assert.Equal("guid", guid.Name);
        Assert.Equal(3, guid.Arguments.Count);
        Assert.Equal(Inner((string?)assignment.Raw("scope")), guid.Arguments[0].Source);
        Assert.Equal(Inner((string?)assignment.Raw("properties.principalId")), guid.Arguments[1].Source);
        Assert.Equal(Inner((string?)assignment.Raw("properties.roleDefinitionId")), guid.Arguments[2].Source);
        Assert.Contains(scopeType, guid.Arguments[0].Source, StringComparison.Ordinal);
    }

    [Fact]
    public void RoleAssignments_AreNeverAtResourceGroupOrSubscriptionScope() =>
        Assert.All(infra.Main.OfType(InfraFacts.RoleAssignmentType), assignment =>
            Assert.False(string.IsNullOrEmpty((string?)assignment.Raw("scope")), "A role assignment without a resource scope applies to the whole resource group."));

    [Theory]
    [InlineData("Owner", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635")]
    [InlineData("Contributor", "b24988ac-6180-42a0-ab88-20f7382dd24c")]
    [InlineData("User Access Administrator", "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9")]
    [InlineData("Storage Account Contributor", "17d1049b-9a84-46fb-8f53-869881c3d3ab")]
    [InlineData("Key Vault Administrator", "00482a5a-887f-4fb3-b363-3b7fe8e74483")]
    public void RoleAssignments_GrantNoBroadRole(string role, string roleId) =>
        Assert.DoesNotContain(infra.Main.OfType(InfraFacts.RoleAssignmentType), a => RoleId(a).EndsWith(roleId, StringComparison.Ordinal) && role.Length > 0);

    private ArmResource AppAssignment(string role, string roleId)
    {
        var matches = infra.Main.OfType(InfraFacts.RoleAssignmentType)
            .Where(a => RoleId(a).EndsWith($"/roleDefinitions/{roleId}", StringComparison.Ordinal))
            .Where(a => (a.Evaluated("properties.principalId")?.ToString() ?? string.Empty)
                .Contains("'identity'", StringComparison.Ordinal))
            .ToList();
        Assert.True(matches.Count == 1, $"Expected one {role} assignment for the app identity, found {matches.Count}.");
        return matches[0];
    }

    private static string RoleId(ArmResource assignment) =>
        assignment.Evaluated("properties.roleDefinitionId")?.ToString() ?? string.Empty;

    private static string Inner(string? expression) =>
        expression is not null && ArmExpression.IsExpression(expression) ? expression[1..^1] : expression ?? string.Empty;
}
