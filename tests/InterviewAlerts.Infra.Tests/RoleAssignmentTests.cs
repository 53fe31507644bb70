using InterviewAlerts.Infra.Tests.Support;

namespace InterviewAlerts.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class RoleAssignmentTests(CompiledInfra infra)
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    /// <summary>One role assignment (one copy-loop iteration), evaluated.</summary>
    private sealed record Grant(string Identity, string RoleId, string Scope, ArmResource Resource, int? Index);

    [Fact]
    public void AppIdentity_HasExactlyTheNarrowRolesTheHostAndAdapterNeed()
    {
        var granted = Grants("app").Select(g => $"{g.RoleId} {ScopeTail(g.Scope)}").Order(StringComparer.Ordinal);

        string[] expected =
        [
            $"{StorageBlobDataOwner} containers/azure-webjobs-hosts",
            $"{StorageBlobDataOwner} containers/azure-webjobs-secrets",
            $"{StorageBlobDataContributor} containers/interview-alert-payloads",
            $"{StorageBlobDataContributor} containers/dead-letters",
            $"{StorageQueueDataContributor} queues/interview-alerts",
            $"{StorageQueueDataContributor} queues/interview-alerts-poison",
            $"{StorageTableDataContributor} tables/InterviewAlertRecords",
            $"{KeyVaultSecretsUser} Microsoft.KeyVault/vaults",
            $"{MonitoringMetricsPublisher} Microsoft.Insights/components",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), granted);
    }

    [Fact]
    public void DeploymentPackage_IsWritableOnlyByTheDeploymentIdentity()
    {
        var onPackage = AllGrants().Where(g => g.Scope.EndsWith("/containers/app-package", StringComparison.Ordinal)).ToList();

        var grant = Assert.Single(onPackage);
        Assert.Equal("deployment", grant.Identity);
        Assert.Equal(StorageBlobDataContributor, grant.RoleId);
        Assert.Single(Grants("deployment"));
    }

    [Fact]
    public void StorageRoles_AreNeverOnTheWholeAccount() =>
        Assert.All(AllGrants().Where(g => g.Scope.Contains("Microsoft.Storage/storageAccounts", StringComparison.Ordinal)), g =>
            Assert.Matches(@"/(containers|queues|tables)/[^/]+$", g.Scope));

    [Fact]
    public void AppRoles_AreForServicePrincipals() =>
        Assert.All(Grants("app"), g => Assert.Equal("ServicePrincipal", (string?)g.Resource.Evaluated("properties.principalType")));

    [Fact]
    public void RoleAssignmentNames_AreGuidOfScopeIdentityAndRole() =>
        Assert.All(AllGrants().Where(g => g.Identity != "operator"), g =>
        {
            var guid = Assert.IsType<ArmCall>(ArmExpression.Parse((string?)g.Resource.Raw("name") ?? string.Empty));
            Assert.Equal("guid", guid.Name);
            Assert.Equal(3, guid.Arguments.Count);
            Assert.Equal(Inner((string?)g.Resource.Raw("scope")), guid.Arguments[0].Source);
            Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", guid.Arguments[1].Source, StringComparison.Ordinal);
            Assert.Equal(Inner((string?)g.Resource.Raw("properties.roleDefinitionId")), guid.Arguments[2].Source);
        });

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
        Assert.DoesNotContain(AllGrants(), g => g.RoleId == roleId && role.Length > 0);

    private IEnumerable<Grant> Grants(string identity) => AllGrants().Where(g => g.Identity == identity);

    private List<Grant> AllGrants()
    {
        var grants = new List<Grant>();
        foreach (var assignment in infra.Main.OfType(InfraFacts.RoleAssignmentType))
        {
            var count = assignment.Json["copy"] is null ? 1 : ArmEvaluator.Names(assignment).Count;
            for (var i = 0; i < count; i++)
            {
                int? index = assignment.Json["copy"] is null ? null : i;
                var principal = ArmEvaluator.Evaluate(assignment.Raw("properties.principalId"), assignment.Scope, index)?.ToString() ?? string.Empty;
                var identity = principal.Contains("appIdentityName", StringComparison.Ordinal) ? "app"
                    : principal.Contains("deploymentIdentityName", StringComparison.Ordinal) ? "deployment"
                    : "operator";
                var roleId = ArmEvaluator.Evaluate(assignment.Raw("properties.roleDefinitionId"), assignment.Scope, index)?.ToString() ?? string.Empty;
                var scope = ArmEvaluator.Evaluate(assignment.Raw("scope"), assignment.Scope, index)?.ToString() ?? string.Empty;
                grants.Add(new Grant(identity, roleId[(roleId.LastIndexOf('/') + 1)..], scope, assignment, index));
            }
        }

        return grants;
    }

    /// <summary>"containers/x", "queues/x", "tables/x", or the resource type of a whole-resource scope.</summary>
    private static string ScopeTail(string scope)
    {
        var parts = scope.Split('/');
        if (parts.Length >= 2 && parts[^2] is "containers" or "queues" or "tables")
        {
            return $"{parts[^2]}/{parts[^1]}";
        }

        var providers = Array.LastIndexOf(parts, "providers");
        return providers >= 0 && providers + 2 < parts.Length ? $"{parts[providers + 1]}/{parts[providers + 2]}" : scope;
    }

    private static string Inner(string? expression) =>
        expression is not null && ArmExpression.IsExpression(expression) ? expression[1..^1] : expression ?? string.Empty;
}
