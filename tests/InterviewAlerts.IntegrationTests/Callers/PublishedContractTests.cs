using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewAlerts.IntegrationTests.Contract;
using InterviewAlerts.IntegrationTests.Infrastructure;
using InterviewAlerts.IntegrationTests.Metadata;

namespace InterviewAlerts.IntegrationTests.Callers;

/// <summary>
/// docs/openapi.json describes exactly the caller-facing routes the build declares (functions.metadata), its request
/// schema reference resolves to the schema file beside it, and the app serves both, anonymously.
/// </summary>
public sealed class PublishedContractTests(DeliveringAdapterFixture fixture) : IClassFixture<DeliveringAdapterFixture>
{
    private static readonly string Docs = Path.Combine(RepositoryRoot.Path, "docs");

    private static JsonNode OpenApi() => JsonNode.Parse(File.ReadAllText(Path.Combine(Docs, "openapi.json")))!;

    [Fact]
    public void The_description_has_exactly_the_function_level_routes_of_the_build()
    {
        var documented = OpenApi()["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => ($"{path.Key.TrimStart('/')}", operation.Key)))
            .Order()
            .ToList();
        var built = FunctionMetadataTests.HttpRoutes()
            .Where(route => route.AuthLevel == "Function")
            .Select(route => (route.Route, route.Method))
            .Order()
            .ToList();

        Assert.Equal(built, documented);
    }

    [Fact]
    public void The_operation_ids_are_the_function_names()
    {
        var operations = OpenApi()["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).Select(o => o.Value!["operationId"]!.GetValue<string>());
        Assert.Equal(["GetInterviewAlertStatus", "IngestInterviewAlert", "ValidateInterviewAlert"], operations.Order());
    }

    [Fact]
    public void The_request_schema_reference_resolves_to_the_published_schema()
    {
        var reference = OpenApi()["components"]!["requestBodies"]!["InterviewRequest"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        var file = Path.GetFullPath(Path.Combine(Docs, reference));

        Assert.True(File.Exists(file), file);
        using var schema = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("urn:interview-alerts:native-interview-request", schema.RootElement.GetProperty("$id").GetString());
    }

    [Fact]
    public void Every_internal_reference_resolves()
    {
        var openApi = OpenApi();
        foreach (var reference in References(openApi).Where(r => r.StartsWith("#/", StringComparison.Ordinal)))
        {
            JsonNode? node = openApi;
            foreach (var part in reference[2..].Split('/')) node = node?[part];
            Assert.True(node is not null, reference);
        }
    }

    [Theory]
    [InlineData("api/openapi.json", "openapi.json")]
    [InlineData("api/schema/interview-request.schema.json", "schema/interview-request.schema.json")]
    public async Task The_app_serves_the_documents_as_they_are_in_docs(string route, string file)
    {
        using var response = await fixture.Harness.AnonymousClient.GetAsync(route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Docs, file)), await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "$ref" ? [p.Value!.GetValue<string>()] : References(p.Value)),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };
}
