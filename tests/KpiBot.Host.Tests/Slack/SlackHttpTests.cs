using System.Net;
using System.Text.Json.Nodes;
using KpiBot.Core.Chat;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Delivery;
using KpiBot.Slack;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Host.Tests.Slack;

/// <summary>
/// The check-in loop on Slack over HTTP, end to end through the real host: the sample's rep, lead and admin
/// are Slack users the bot does not know yet and links by their Slack email on first contact.
/// </summary>
public sealed class SlackHttpTests
{
    // Friday 2026-11-27 14:00 UTC: 23:00 in Tokyo, 09:00 in New York (Emily, English).
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);
    private const string Emily = "U0EMILY";
    private const string Sato = "U0SATO";
    private const string Yamamoto = "U0YAMAMOTO";

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task PromptButtonModalReceipt_ThenStatusAndTheDigestInTheLinkedChannel(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await SlackHost.StartAsync(db, Friday);
        var slack = host.Slack;
        slack.AddUser(Emily, "emily.carter@example.com", "America/New_York", "en-US");
        slack.AddUser(Sato, "sato@example.co.jp");
        slack.AddUser(Yamamoto, "yamamoto@example.co.jp");

        // Emily says hello in the bot's DM: linked by her email, answered there.
        Assert.Equal(HttpStatusCode.OK, (await host.JsonAsync(SlackPayloads.Event(SlackHost.Team, "Ev0", Emily, "D0EMILY", "help"))).StatusCode);
        await host.SettleAsync();
        Assert.Equal("D0EMILY", Assert.Single(slack.Of("chat.postMessage")).Json["channel"]!.GetValue<string>());

        // The lead starts today's check-in: the engine sends Emily her prompt in a DM.
        await host.SlashAsync(Sato, "D0SATO", "start");
        var prompt = Assert.Single(slack.Of("chat.postMessage"), c => c.Json["text"]!.GetValue<string>().StartsWith("Check-in for", StringComparison.Ordinal));
        Assert.Equal("DU0EMILY", prompt.Json["channel"]!.GetValue<string>());
        var stored = await host.InScopeAsync(s => s.GetRequiredService<IChatUserStore>().FindAsync(new ChatUser(Platforms.Slack, SlackHost.Team, Emily), CancellationToken.None));
        Assert.Equal("DU0EMILY", stored!.PersonalConversationId);
        var ts = $"1700000000.{slack.Of("chat.postMessage").ToList().IndexOf(prompt) + 1:D6}";
        var button = SlackPayloads.FirstButtonValue(prompt.Json);

        // She clicks "Check in": the modal opens with one number field per KDI.
        Assert.Equal(HttpStatusCode.OK, (await host.FormAsync(SlackPayloads.Button(SlackHost.Team, Emily, "DU0EMILY", ts, SlackIds.OpenCheckIn, button))).StatusCode);
        var modal = Assert.Single(slack.Of("views.open")).Json["view"]!;
        var inputs = modal["blocks"]!.AsArray().Where(b => b!["element"]?["type"]?.GetValue<string>() == "number_input").Select(b => b!["block_id"]!.GetValue<string>());
        Assert.Equal(["kdi:daily-calls", "kdi:intro-emails"], inputs);

        // She submits: the modal closes, the prompt becomes the receipt, the values are stored.
        var submitted = await host.FormAsync(SlackPayloads.Submission(
            SlackHost.Team, Emily, modal["private_metadata"]!.GetValue<string>(),
            new Dictionary<string, string?> { ["kdi:daily-calls"] = "18", ["kdi:intro-emails"] = "3" }, "Two callbacks"));
        Assert.Equal("clear", JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!["response_action"]!.GetValue<string>());
        await host.SettleAsync();
        var receipt = Assert.Single(slack.Of("chat.update")).Json;
        Assert.Equal(("DU0EMILY", ts), (receipt["channel"]!.GetValue<string>(), receipt["ts"]!.GetValue<string>()));
        Assert.StartsWith("Saved for Fri 27 Nov: 架電数/日: 18 calls (target 20 calls)", receipt["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var day = await host.InScopeAsync(s => s.GetRequiredService<ICheckInRepository>().GetDayAsync("emily", new DateOnly(2026, 11, 27), CancellationToken.None));
        Assert.Equal([("daily-calls", 18m), ("intro-emails", 3m)], day.OrderBy(e => e.NodeId).Select(e => (e.NodeId, e.Value)));

        // The lead's status shows it: her calls count, and she is not among those who have not answered today.
        var status = await host.SlashAsync(Sato, "D0SATO", "status");
        Assert.Contains("18件 / ", status, StringComparison.Ordinal);
        Assert.Contains("田中 健太", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Emily Carter", status, StringComparison.Ordinal);

        // The admin links #sales to the team; Monday morning the digest is posted there.
        await host.SlashAsync(Yamamoto, "C0SALES", "link sales", "sales");
        host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 0, 5, 0, TimeSpan.Zero));
        await host.InScopeAsync(s => s.GetRequiredService<Dispatcher>().RunAsync(CancellationToken.None));
        await host.SettleAsync();
        Assert.Contains(slack.Of("chat.postMessage"), c => c.Json["channel"]!.GetValue<string>() == "C0SALES");
    }

    [Fact]
    public async Task BadRequests_AreRefusedWithTheirStatus_AndNothingIsStoredOrSent()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await SlackHost.StartAsync(db, Friday);
        host.Slack.AddUser(Emily, "emily.carter@example.com", "America/New_York", "en-US");
        var now = host.Time.GetUtcNow().ToUnixTimeSeconds();
        var message = SlackPayloads.Event(SlackHost.Team, "Ev1", Emily, "D0EMILY", "help");
        var cases = new (string Name, Func<Task<HttpResponseMessage>> Send, HttpStatusCode Expected)[]
        {
            ("forged", () => host.PostAsync(message, "application/json", signature: SlackPayloads.Sign("not-the-secret", now, message)), HttpStatusCode.Unauthorized),
            ("unsigned", () => host.PostAsync(message, "application/json", signature: string.Empty), HttpStatusCode.Unauthorized),
            ("stale", () => host.PostAsync(message, "application/json", timestamp: now - 600), HttpStatusCode.Unauthorized),
            ("future", () => host.PostAsync(message, "application/json", timestamp: now + 600), HttpStatusCode.Unauthorized),
            ("oversize", () => host.JsonAsync(message[..^1] + ",\"pad\":\"" + new string('x', 1024 * 1024) + "\"}"), HttpStatusCode.RequestEntityTooLarge),
            ("malformed JSON", () => host.JsonAsync("{\"type\":\"event_callback\",\"event\":"), HttpStatusCode.BadRequest),
            ("slash without user", () => host.FormAsync("command=%2Fkpi&text=help&team_id=T0SAMPLE"), HttpStatusCode.BadRequest),
        };

        foreach (var (name, send, expected) in cases)
        {
            Assert.True(expected == (await send()).StatusCode, name);
        }

        await host.SettleAsync();
        Assert.Empty(host.Slack.Calls);
        Assert.Equal((0, 0, 0, 0), await CountsAsync(host));

        // Replayed: the first delivery is handled, Slack's retry of the same event_id is acknowledged and ignored.
        Assert.Equal(HttpStatusCode.OK, (await host.JsonAsync(message)).StatusCode);
        await host.SettleAsync();
        var calls = host.Slack.Calls.Count;
        var counts = await CountsAsync(host);
        Assert.Equal(HttpStatusCode.OK, (await host.JsonAsync(message)).StatusCode);
        await host.SettleAsync();
        Assert.Equal(calls, host.Slack.Calls.Count);
        Assert.Equal(counts, await CountsAsync(host));
    }

    /// <summary>Check-ins, chat identities, chat users and remembered events.</summary>
    private static Task<(int, int, int, int)> CountsAsync(SlackHost host) => host.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<KpiBotDbContext>();
        return (await db.CheckInEntries.CountAsync(), await db.ChatIdentities.CountAsync(), await db.ChatUsers.CountAsync(), await db.InboundSeen.CountAsync());
    });
}
