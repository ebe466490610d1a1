using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace KpiBot.Teams.Tests.Manifest;

/// <summary>
/// Validates JSON against a Teams schema with JsonSchema.Net. Microsoft publishes the Teams schemas as
/// draft-04, which JsonSchema.Net does not implement; they use no keyword whose meaning changed in draft-06
/// (no <c>id</c>, no boolean <c>exclusiveMinimum</c>) and already use draft-06's <c>const</c>, so they are
/// read as draft-06.
/// </summary>
internal static class SchemaValidator
{
    public static IReadOnlyList<string> Errors(string schemaPath, JsonNode instance)
    {
        var schemaJson = JsonNode.Parse(File.ReadAllText(schemaPath))!.AsObject();
        schemaJson.Remove("$schema");
        var options = new BuildOptions { Dialect = Dialect.Draft06, SchemaRegistry = new SchemaRegistry() };
        using var schemaDocument = JsonDocument.Parse(schemaJson.ToJsonString());
        var schema = JsonSchema.Build(schemaDocument.RootElement, options, new Uri($"https://kpibot.test/{Guid.NewGuid():N}.json"));

        using var document = JsonDocument.Parse(instance.ToJsonString());
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        return [.. (results.Details ?? []).Prepend(results)
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))];
    }
}
