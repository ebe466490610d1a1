using System.Text.Json.Nodes;

namespace KpiBot.Teams.Tests.Manifest;

/// <summary>The committed manifest, filled as the package step fills it, is valid against Microsoft's published schema.</summary>
public class ManifestSchemaTests
{
    private const string Manifest = "teams-manifest-v1.25.schema.json";
    private const string Localization = "teams-localization-v1.25.schema.json";

    [SchemaFact(Manifest)]
    public void Manifest_WithTheTokensFilled_IsValidAgainstTheV125Schema()
    {
        var errors = SchemaValidator.Errors(ManifestFolder.ManifestSchema, ManifestFolder.Filled("manifest.json"));

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [SchemaFact(Manifest)]
    public void Manifest_WithTheTokensLeftIn_IsRejected_SoTheSchemaCheckCanFail()
    {
        var raw = JsonNode.Parse(ManifestFolder.Text("manifest.json"))!;

        var errors = SchemaValidator.Errors(ManifestFolder.ManifestSchema, raw);

        Assert.Contains(errors, e => e.StartsWith("/id ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/bots/0/botId ", StringComparison.Ordinal));
    }

    [SchemaFact(Manifest)]
    public void Manifest_WithTooManyCommandsOrAnUnknownScope_IsRejected()
    {
        var manifest = ManifestFolder.Filled("manifest.json");
        var bot = manifest["bots"]![0]!;
        var commands = bot["commandLists"]![0]!["commands"]!.AsArray();
        while (commands.Count <= 12)
        {
            commands.Add(new JsonObject { ["title"] = "extra", ["description"] = "one too many" });
        }

        bot["scopes"]!.AsArray().Add("groupchat");

        var errors = SchemaValidator.Errors(ManifestFolder.ManifestSchema, manifest);

        Assert.Contains(errors, e => e.StartsWith("/bots/0/commandLists/0/commands ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/bots/0/scopes/3 ", StringComparison.Ordinal));
    }

    /// <summary>
    /// ja-jp.json against MicrosoftTeams.Localization.schema.json v1.25, when the shared folder has it (it
    /// holds only the manifest schema so far); <see cref="ManifestContentTests"/> checks the same rules that
    /// matter here without it.
    /// </summary>
    [SchemaFact(Localization)]
    public void JapaneseStrings_AreValidAgainstTheLocalizationSchema()
    {
        var errors = SchemaValidator.Errors(ManifestFolder.LocalizationSchema, ManifestFolder.Filled("ja-jp.json"));

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
