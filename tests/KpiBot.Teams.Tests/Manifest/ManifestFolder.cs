using System.Text.Json.Nodes;

namespace KpiBot.Teams.Tests.Manifest;

/// <summary>
/// The committed Teams app files (manifests/teams) and the published schemas in the shared folder beside the
/// repository (../shared/schemas), found by walking up from the test's folder to KpiBot.sln.
/// </summary>
internal static class ManifestFolder
{
    public const string AppId = "2f1c8e4a-6b3d-4e7f-9a10-5c2b7d8e9f01";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Teams => Path.Combine(RepositoryRoot, "manifests", "teams");

    public static string SharedSchemas => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "schemas"));

    public static string ManifestSchema => Path.Combine(SharedSchemas, "teams-manifest-v1.25.schema.json");

    /// <summary>The published localization schema (MicrosoftTeams.Localization.schema.json, v1.25) when the shared folder has it.</summary>
    public static string LocalizationSchema => Path.Combine(SharedSchemas, "teams-localization-v1.25.schema.json");

    /// <summary>A committed file with the package step's tokens filled the way <c>kpibot teams package</c> fills them.</summary>
    public static JsonObject Filled(string file) =>
        JsonNode.Parse(Text(file)
            .Replace("{{TEAMS_APP_ID}}", AppId, StringComparison.Ordinal)
            .Replace("{{VERSION}}", "1.0.0", StringComparison.Ordinal)
            .Replace("{{DEVELOPER_URL}}", "https://kpibot.example.com", StringComparison.Ordinal))!.AsObject();

    public static string Text(string file) => File.ReadAllText(Path.Combine(Teams, file));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KpiBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No KpiBot.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A test that needs a published schema from ../shared/schemas; skipped, saying so, when the file is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SchemaFactAttribute : FactAttribute
{
    public SchemaFactAttribute(string schemaFile)
    {
        var path = Path.Combine(ManifestFolder.SharedSchemas, schemaFile);
        if (!File.Exists(path))
        {
            Skip = $"Skipped: the published schema {path} is not here (the shared folder beside the repository has it in CI).";
        }
    }
}
