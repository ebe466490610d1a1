using System.Net;
using System.Text.Json.Nodes;
using KpiBot.Core.Chat;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Delivery;
using KpiBot.Storage;
using KpiBot.Testing.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using static KpiBot.Host.Tests.Teams.TeamsActivities;

namespace KpiBot.Host.Tests.Teams;

/// <summary>
/// The whole check-in loop on Teams through the real host and a fake Bot Framework over HTTPS: install in a
/// team, proactive prompts, a card submitted and replaced by its receipt, the lead's status, a channel linked
/// and the digest posted there; then the requests that must be refused, with nothing stored.
/// </summary>
public sealed class TeamsLoopTests : TeamsHostFixture
{
    [Fact]
    public async Task TheLoop_FromInstallToDigest_RunsThroughTheConnector()
    {
        await using var host = StartHost();
        var url = host.ServiceUrl;

        // Installed in the sales team: members fetched page by page and linked by email (any case) or UPN; one welcome.
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(InstalledInTeam(url), Token())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(InstalledInTeam(url, "f:install-2"), Token())).StatusCode);
        await host.SettleAsync();
        Assert.Equal(3, Fake.Calls("GET", "/pagedmembers").Count);
        foreach (var person in new[] { "yamamoto", "sato", "tanaka", "suzuki", "emily" })
        {
            Assert.Equal(person, await host.InScopeAsync(s => s.GetRequiredService<IIdentityStore>().FindPersonIdAsync(new ChatUser(Platforms.Teams, TeamsHost.Tenant, UserOf(person)), CancellationToken.None)));
        }

        var guest = await host.InScopeAsync(s => s.GetRequiredService<IChatUserStore>().FindAsync(new ChatUser(Platforms.Teams, TeamsHost.Tenant, UserOf("guest")), CancellationToken.None));
        Assert.Equal(url, guest?.ServiceUrl);
        Assert.Null(await host.InScopeAsync(s => s.GetRequiredService<IIdentityStore>().FindPersonIdAsync(guest!.User, CancellationToken.None)));
        var general = "/v3/conversations/" + Uri.EscapeDataString(TeamId) + "/activities";
        var welcome = Assert.Single(Fake.Requests, r => r.Method == "POST" && r.Path == general);
        Assert.Contains("KpiBot", welcome.Body, StringComparison.Ordinal);
        Assert.StartsWith("Bearer connector-token-", welcome.Authorization, StringComparison.Ordinal);

        // The lead starts today's prompts from her 1:1: the reps get a 1:1 opened for them and a card each.
        await SayAsync(host, "sato", "start", "m-start");
        var opened = Fake.Calls("POST", "/v3/conversations").Where(r => r.Path == "/v3/conversations").Select(r => (string?)JsonNode.Parse(r.Body)!["members"]![0]!["id"]).ToList();
        Assert.Equal(new[] { UserOf("suzuki"), UserOf("tanaka") }, opened.Order());
        var tanakaChat = "a:personal:" + UserOf("tanaka");
        var prompt = PromptTo("tanaka");
        Assert.Equal(tanakaChat, (await host.InScopeAsync(s => s.GetRequiredService<IChatUserStore>().FindAsync(new ChatUser(Platforms.Teams, TeamsHost.Tenant, UserOf("tanaka")), CancellationToken.None)))?.PersonalConversationId);

        // Tanaka submits the card (Action.Submit): the values are saved and the card becomes the receipt in place.
        var submit = Submit(url, "tanaka", tanakaChat, prompt.ActivityId, CardData(prompt, 0, ("kdi:daily-calls", "22"), ("kdi:intro-emails", "3")), "m-submit");
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(submit, Token())).StatusCode);
        await host.SettleAsync();
        var update = Assert.Single(Fake.Calls("PUT", "/v3/conversations/" + Uri.EscapeDataString(tanakaChat) + "/activities/" + prompt.ActivityId));
        Assert.Contains("22", update.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Number", update.Body, StringComparison.Ordinal);

        // Teams delivers the same submission again: counted once.
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(submit, Token())).StatusCode);
        await host.SettleAsync();
        var entries = await host.InScopeAsync(s => s.GetRequiredService<ICheckInRepository>().GetDayAsync("tanaka", new DateOnly(2026, 11, 30), CancellationToken.None));
        var calls = Assert.Single(entries, e => e.NodeId == "daily-calls");
        Assert.Equal((22m, 1), (calls.Value, calls.Revision));

        // Suzuki answers with Action.Execute: the receipt card is the invoke's HTTP answer.
        var suzukiChat = "a:personal:" + UserOf("suzuki");
        var suzukiPrompt = PromptTo("suzuki");
        var invoke = await host.PostAsync(Execute(url, "suzuki", suzukiChat, suzukiPrompt.ActivityId, CardData(suzukiPrompt, 0, ("kdi:daily-calls", "18"), ("kdi:intro-emails", "2")), "m-execute"), Token());
        Assert.Equal(HttpStatusCode.OK, invoke.StatusCode);
        var answer = JsonNode.Parse(await invoke.Content.ReadAsStringAsync())!;
        Assert.Equal(("application/vnd.microsoft.card.adaptive", "AdaptiveCard"), ((string?)answer["type"], (string?)answer["value"]!["type"]));
        Assert.Contains("18", answer["value"]!.ToJsonString(), StringComparison.Ordinal);
        await host.SettleAsync();

        // The lead's status shows the answers. The connector is slow this time: the request is answered
        // before the reply is sent, since the reply is a call of its own.
        var slow = new TaskCompletionSource();
        Fake.Script.Enqueue(new ScriptedResponse(200, new JsonObject { ["id"] = "act-slow" }) { Gate = slow.Task });
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Personal(url, "sato", "status", "m-status"), Token())).StatusCode);
        Assert.Equal(1, host.Services.GetRequiredService<KpiBot.Core.Inbound.IInboundQueue>().Pending);
        slow.SetResult();
        await host.SettleAsync();
        var status = Assert.Single(Fake.Calls("POST", "/activities/m-status"));
        Assert.Contains("40", status.Body, StringComparison.Ordinal); // 22 + 18 calls today

        // The admin links the General channel to the sales team by an @mention in a thread; the reply stays in the thread.
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(InChannel(url, "yamamoto", "link sales", "m-link"), Token())).StatusCode);
        await host.SettleAsync();
        Assert.Single(Fake.Calls("POST", "/v3/conversations/" + Uri.EscapeDataString(TeamId + ";messageid=m-link") + "/activities/m-link"));
        var link = await host.InScopeAsync(s => s.GetRequiredService<KpiBotDbContext>().ChannelLinks.SingleAsync());
        Assert.Equal(TeamId, link.ConversationId);

        // A private answer asked for in a channel goes to the asker's 1:1 (Teams has no ephemeral messages).
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(InChannel(url, "yamamoto", "help", "m-help"), Token())).StatusCode);
        await host.SettleAsync();
        Assert.Empty(Fake.Calls("POST", "/activities/m-help"));
        Assert.Single(Fake.Calls("POST", "/v3/conversations/" + Uri.EscapeDataString("a:personal:" + UserOf("yamamoto")) + "/activities"));

        // Next Monday 09:00 in Tokyo the dispatcher posts last week's digest to the channel (not to the thread).
        var postsBefore = Fake.Calls("POST", general).Count;
        Time.Advance(new DateTimeOffset(2026, 12, 7, 0, 1, 0, TimeSpan.Zero) - Time.GetUtcNow());
        await host.InScopeAsync(s => s.GetRequiredService<Dispatcher>().RunAsync(CancellationToken.None));
        await host.SettleAsync();
        var digest = Fake.Requests.Where(r => r.Method == "POST" && r.Path == general).Skip(postsBefore).ToList();
        Assert.NotEmpty(digest);
        Assert.Contains("AdaptiveCard", digest[0].Body, StringComparison.Ordinal);
        Assert.Contains("40", string.Concat(digest.Select(d => d.Body)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadTokens_AreRefused_AndNothingIsStoredOrSent()
    {
        await using var host = StartHost();
        var url = host.ServiceUrl;
        var now = Time.GetUtcNow();
        var unendorsed = Fake.AddKey("key-webchat", "webchat");
        var good = Token();
        var corpus = new (string Case, string? Token, HttpStatusCode Expected)[]
        {
            ("none", null, HttpStatusCode.Unauthorized),
            ("expired", TestTokens.Mint(Key, now, serviceUrl: url, notBeforeOffset: TimeSpan.FromHours(-3), lifetime: TimeSpan.FromHours(1)), HttpStatusCode.Unauthorized),
            ("not yet valid", TestTokens.Mint(Key, now, serviceUrl: url, notBeforeOffset: TimeSpan.FromHours(1)), HttpStatusCode.Unauthorized),
            ("wrong audience", TestTokens.Mint(Key, now, serviceUrl: url, audience: "22222222-0000-0000-0000-000000000000"), HttpStatusCode.Unauthorized),
            ("wrong issuer", TestTokens.Mint(Key, now, serviceUrl: url, issuer: "https://api.botframework.example"), HttpStatusCode.Unauthorized),
            ("alg none", TestTokens.Unsigned("key-1", now), HttpStatusCode.Unauthorized),
            ("wrong alg", TestTokens.Mint(new SymmetricSecurityKey(new byte[64]) { KeyId = "key-1" }, now, serviceUrl: url, algorithm: SecurityAlgorithms.HmacSha256), HttpStatusCode.Unauthorized),
            ("unknown key", TestTokens.Mint(new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = "key-unknown" }, now, serviceUrl: url), HttpStatusCode.Unauthorized),
            ("unendorsed key", TestTokens.Mint(unendorsed, now, serviceUrl: url), HttpStatusCode.Forbidden),
            ("serviceUrl mismatch", TestTokens.Mint(Key, now, serviceUrl: "https://smba.example/teams/"), HttpStatusCode.Unauthorized),
            ("tampered", TestTokens.Tampered(good), HttpStatusCode.Unauthorized),
        };
        JsonObject[] activities =
        [
            InstalledInTeam(url),
            Personal(url, "tanaka", "checkin", "m-checkin"),
            Submit(url, "tanaka", PersonalOf("tanaka"), "act-0", Answer(), "m-submit"),
        ];

        foreach (var (name, token, expected) in corpus)
        {
            foreach (var activity in activities)
            {
                var response = await host.PostAsync(activity, token);
                Assert.Equal((name, (string?)activity["type"], expected), (name, (string?)activity["type"], response.StatusCode));
            }
        }

        // With a good token: too large a body is refused unread, and an unknown activity type is ignored.
        var huge = Personal(url, "tanaka", new string('x', 300_000), "m-huge");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await host.PostAsync(huge, good)).StatusCode);
        var reaction = Personal(url, "tanaka", "", "m-reaction");
        reaction["type"] = "messageReaction";
        reaction["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" });
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(reaction, good)).StatusCode);

        await host.SettleAsync();
        Assert.Equal((0, 0, 0, 0), await CountsAsync(host));
        Assert.Empty(Fake.Requests);

        // The same activities with a good token are taken: the corpus above could have stored something.
        foreach (var activity in activities)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(activity, good)).StatusCode);
            await host.SettleAsync();
        }

        var (users, identities, inbound, entries) = await CountsAsync(host);
        Assert.True(users > 0 && identities > 0 && inbound > 0 && entries > 0, $"{users} {identities} {inbound} {entries}");
        Assert.NotEmpty(Fake.Requests);
    }

    private static JsonObject Answer() => new()
    {
        ["kpibot"] = "checkin",
        ["action"] = "submit",
        ["occurrence"] = "DailyPrompt:tanaka:2026-11-30",
        ["workDay"] = "2026-11-30",
        ["cardVersion"] = 1,
        ["personId"] = "tanaka",
        ["kdi:daily-calls"] = "20",
        ["kdi:intro-emails"] = "1",
    };

    private static Task<(int Users, int Identities, int Inbound, int Entries)> CountsAsync(TeamsHost host) =>
        host.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<KpiBotDbContext>();
            return (await db.ChatUsers.CountAsync(), await db.ChatIdentities.CountAsync(), await db.InboundSeen.CountAsync(), await db.CheckInEntries.CountAsync());
        });
}
