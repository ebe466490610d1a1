using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KpiBot.Teams.Tests.Manifest;

/// <summary>
/// What the schema does not say: the bot is conversational in every scope, the command menus fit Teams'
/// documented limits (10 commands a scope, titles of 32 and descriptions of 128 characters), and the
/// Japanese file translates exactly the manifest's strings. Which words the commands are is checked against
/// the engine's router in KpiBot.Host.Tests (TeamsManifestCommandTests).
/// </summary>
public partial class ManifestContentTests
{
    private static readonly JsonObject Manifest = ManifestFolder.Filled("manifest.json");
    private static readonly JsonObject Japanese = ManifestFolder.Filled("ja-jp.json");

    private static JsonNode Bot => Assert.Single(Manifest["bots"]!.AsArray())!;

    private static List<(int List, string[] Scopes, List<(string Title, string Description)> Commands)> CommandLists() =>
    [
        .. Bot["commandLists"]!.AsArray().Select((l, i) => (
            i,
            l!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ToArray(),
            l["commands"]!.AsArray().Select(c => (c!["title"]!.GetValue<string>(), c["description"]!.GetValue<string>())).ToList())),
    ];

    [Fact]
    public void Manifest_IsV125_AndTheAppIdTokenIsBothTheAppsAndTheBotsId()
    {
        var raw = JsonNode.Parse(ManifestFolder.Text("manifest.json"))!;

        Assert.Equal("https://developer.microsoft.com/en-us/json-schemas/teams/v1.25/MicrosoftTeams.schema.json", raw["$schema"]!.GetValue<string>());
        Assert.Equal("1.25", raw["manifestVersion"]!.GetValue<string>());
        Assert.Equal("{{TEAMS_APP_ID}}", raw["id"]!.GetValue<string>());
        Assert.Equal("{{TEAMS_APP_ID}}", raw["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("{{VERSION}}", raw["version"]!.GetValue<string>());
    }

    [Fact]
    public void Bot_IsConversational_InPersonalChatsTeamsAndGroupChats_WithoutFiles()
    {
        Assert.Equal(["personal", "team", "groupChat"], Bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.False(Bot["isNotificationOnly"]!.GetValue<bool>());
        Assert.False(Bot["supportsFiles"]!.GetValue<bool>());
        Assert.Empty(Manifest["validDomains"]!.AsArray());
    }

    [Fact]
    public void CommandLists_CoverEveryScopeOnce_AndFitTeamsLimits()
    {
        var lists = CommandLists();

        Assert.Equal(["groupChat", "personal", "team"], lists.SelectMany(l => l.Scopes).Order(StringComparer.Ordinal));
        Assert.All(lists, l =>
        {
            Assert.InRange(l.Commands.Count, 1, 10);
            Assert.Equal(l.Commands.Count, l.Commands.Select(c => c.Title).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(l.Commands, c =>
            {
                Assert.InRange(c.Title.Length, 1, 32);
                Assert.InRange(c.Description.Length, 1, 128);
            });
        });
    }

    [Fact]
    public void Localization_DefaultsToEnglish_AndNamesTheJapaneseFile()
    {
        var info = Manifest["localizationInfo"]!;

        Assert.Equal("en-us", info["defaultLanguageTag"]!.GetValue<string>());
        var ja = Assert.Single(info["additionalLanguages"]!.AsArray())!;
        Assert.Equal("ja-jp", ja["languageTag"]!.GetValue<string>());
        Assert.Equal("ja-jp.json", ja["file"]!.GetValue<string>());
    }

    [Fact]
    public void Japanese_TranslatesTheNameAndDescriptions_WithinTheirLimits()
    {
        Assert.Equal(
            "https://developer.microsoft.com/en-us/json-schemas/teams/v1.25/MicrosoftTeams.Localization.schema.json",
            Japanese["$schema"]!.GetValue<string>());
        foreach (var (key, max) in new[] { ("name.short", 30), ("name.full", 100), ("description.short", 80), ("description.full", 4000) })
        {
            var text = Japanese[key]?.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(text), $"ja-jp.json has no {key}.");
            Assert.True(text.Length <= max, $"ja-jp.json {key} has {text.Length} characters; at most {max}.");
        }
    }

    [Fact]
    public void Japanese_HasATitleAndDescriptionForEveryCommand_AndNothingElse()
    {
        var expected = CommandLists()
            .SelectMany(l => l.Commands.Select((_, j) => $"bots[0].commandLists[{l.List}].commands[{j}]"))
            .SelectMany(c => new[] { $"{c}.title", $"{c}.description" })
            .Order(StringComparer.Ordinal);
        var commandKeys = Japanese.Select(p => p.Key).Where(k => k.StartsWith("bots[", StringComparison.Ordinal)).ToList();

        Assert.Equal(expected, commandKeys.Order(StringComparer.Ordinal));
        Assert.All(Japanese.Select(p => p.Key), k => Assert.Matches(AllowedKey(), k));
        Assert.All(commandKeys, k => Assert.InRange(Japanese[k]!.GetValue<string>().Length, 1, k.EndsWith(".title", StringComparison.Ordinal) ? 32 : 128));
    }

    [GeneratedRegex(@"^(\$schema|name\.(short|full)|description\.(short|full)|bots\[0\]\.commandLists\[[0-2]\]\.commands\[([0-9]|1[01])\]\.(title|description))$")]
    private static partial Regex AllowedKey();
}
