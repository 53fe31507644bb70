using System.Text.Json.Nodes;

namespace InterviewAlerts.Infra.Tests.Support;

/// <summary>
/// One template in the compiled ARM JSON: the root (main.bicep) or a Bicep module, which Bicep compiles to a
/// nested <c>Microsoft.Resources/deployments</c> resource carrying its own <c>properties.template</c>.
/// </summary>
internal sealed class ArmScope
{
    public ArmScope(JsonObject template, string deploymentName, JsonObject? passedParameters, ArmScope? parent, JsonObject? deployment = null)
    {
        Template = template;
        Deployment = deployment;
        DeploymentName = deploymentName;
        PassedParameters = passedParameters;
        Parent = parent;
    }

    public JsonObject Template { get; }

    /// <summary>"main" for the root, the module's deployment name (e.g. "storage") otherwise.</summary>
    public string DeploymentName { get; }

    /// <summary>properties.parameters of the nested deployment (values written in the parent's terms).</summary>
    public JsonObject? PassedParameters { get; }

    public ArmScope? Parent { get; }

    /// <summary>The Microsoft.Resources/deployments resource of a module (its condition, scope); null for the root.</summary>
    public JsonObject? Deployment { get; }

    public JsonObject Variables => Template["variables"] as JsonObject ?? [];

    public JsonObject Parameters => Template["parameters"] as JsonObject ?? [];

    public JsonObject Outputs => Template["outputs"] as JsonObject ?? [];

    /// <summary>Resources declared directly in this template (array, or symbolic-name object in languageVersion 2.0).</summary>
    public IEnumerable<JsonObject> Resources => Template["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject symbolic => symbolic.Select(entry => entry.Value).OfType<JsonObject>(),
        _ => [],
    };
}

/// <summary>A resource and the template it is declared in.</summary>
internal sealed record ArmResource(ArmScope Scope, JsonObject Json)
{
    public string Type => (string?)Json["type"] ?? string.Empty;

    public JsonObject Properties => Json["properties"] as JsonObject ?? [];

    /// <summary>The resource name, evaluated as far as the template allows.</summary>
    public JsonNode? Name => ArmEvaluator.Evaluate(Json["name"], Scope);
}

/// <summary>The compiled main.bicep, walked recursively through its nested module deployments.</summary>
internal sealed class ArmTemplate
{
    public ArmTemplate(JsonObject root)
    {
        Root = new ArmScope(root, "main", null, null);
        Scopes = Walk(Root).ToList();
    }

    public ArmScope Root { get; }

    public IReadOnlyList<ArmScope> Scopes { get; }

    public IEnumerable<ArmResource> AllResources =>
        Scopes.SelectMany(scope => scope.Resources.Select(resource => new ArmResource(scope, resource)));

    public IEnumerable<ArmResource> OfType(string type) =>
        AllResources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase));

    public ArmResource Single(string type)
    {
        var matches = OfType(type).ToList();
        Assert.True(matches.Count == 1, $"Expected exactly one {type}, found {matches.Count}.");
        return matches[0];
    }

    public ArmScope Module(string deploymentName) =>
        Scopes.SingleOrDefault(scope => scope.DeploymentName == deploymentName)
        ?? throw new InvalidOperationException($"No module deployment named '{deploymentName}'.");

    private static IEnumerable<ArmScope> Walk(ArmScope scope)
    {
        yield return scope;
        foreach (var resource in scope.Resources)
        {
            if (string.Equals((string?)resource["type"], "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase)
                && resource["properties"]?["template"] is JsonObject template)
            {
                var name = ArmEvaluator.Evaluate(resource["name"], scope)?.ToString() ?? "?";
                var nested = new ArmScope(template, name, resource["properties"]?["parameters"] as JsonObject, scope, resource);
                foreach (var inner in Walk(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
