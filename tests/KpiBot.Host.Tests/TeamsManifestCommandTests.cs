using System.Text.Json.Nodes;
using KpiBot.Core.Conversations;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Storage;
using KpiBot.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Host.Tests;

/// <summary>
/// The Teams command menus offer what the engine's router, as the host registers it, actually answers to:
/// English titles are command names, Japanese titles are aliases of the same command (picking one in Teams
/// types it), and the descriptions are the commands' own help texts.
/// </summary>
public class TeamsManifestCommandTests
{
    private static JsonObject Read(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "manifests", "teams", file)))!.AsObject();

    private static async Task<IReadOnlyList<ICommandHandler>> RouterHandlersAsync()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in db.Settings)
            {
                b.UseSetting(key, value);
            }

            b.UseSetting("Jobs:RunServer", "false");
            b.UseSetting("KpiBot:ImportSampleWhenEmpty", "false");
        });
        await using var scope = factory.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<ConversationService>().Router.Handlers;
    }

    private static string Word(string text) => CommandLine.Parse(text).Word;

    [Fact]
    public async Task EveryCommandInTheMenus_IsOneTheRouterKnows_InEnglishAndJapanese_WithItsOwnHelpText()
    {
        var handlers = await RouterHandlersAsync();
        var manifest = Read("manifest.json");
        var japanese = Read("ja-jp.json");
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();

        for (var i = 0; i < lists.Count; i++)
        {
            var commands = lists[i]!["commands"]!.AsArray();
            for (var j = 0; j < commands.Count; j++)
            {
                var title = commands[j]!["title"]!.GetValue<string>();
                var handler = handlers.SingleOrDefault(h => h.Name == title);
                Assert.True(handler is not null, $"The menu offers '{title}', which the router does not know. It knows: {string.Join(", ", handlers.Select(h => h.Name))}.");
                Assert.Equal(handler.Help(Localized.English).Description, commands[j]!["description"]!.GetValue<string>());

                var key = $"bots[0].commandLists[{i}].commands[{j}]";
                var jaTitle = japanese[$"{key}.title"]!.GetValue<string>();
                Assert.True(handler.Aliases.Select(Word).Contains(Word(jaTitle)), $"'{jaTitle}' is not an alias of {handler.Name}: {string.Join(", ", handler.Aliases)}.");
                Assert.Equal(handler.Help(Localized.Japanese).Description, japanese[$"{key}.description"]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public async Task PersonalMenu_OffersEveryCommandARepMayUse()
    {
        var handlers = await RouterHandlersAsync();
        var personal = Read("manifest.json")["bots"]![0]!["commandLists"]!.AsArray()
            .Single(l => l!["scopes"]!.AsArray().Any(s => s!.GetValue<string>() == "personal"))!;
        var offered = personal["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

        // help is left out: a menu holds ten commands, the menu is itself the list help gives, and any
        // unknown word is answered with help. So is later: it answers a card just received, and is on the card (its Later button).
        Assert.All(handlers.Where(h => h.MinimumRole == Role.Rep && h.Name is not ("help" or "later")), h => Assert.True(offered.Contains(h.Name), $"The personal menu lacks '{h.Name}'."));
    }
}
