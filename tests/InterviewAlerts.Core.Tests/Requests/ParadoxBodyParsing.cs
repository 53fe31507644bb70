using System.Text.Json.Nodes;
using InterviewAlerts.Core.Requests;

namespace InterviewAlerts.Core.Tests;

/// <summary>The Paradox body read back from the exact bytes sent, for assertions on its fields.</summary>
internal static class ParadoxBodyParsing
{
    public static JsonObject ToParadoxJson(this InterviewRequest request) => JsonNode.Parse(request.ToParadoxUtf8())!.AsObject();
}
