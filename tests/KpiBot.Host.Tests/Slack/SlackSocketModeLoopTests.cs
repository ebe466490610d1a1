using System.Net;
using System.Text.Json.Nodes;
using KpiBot.Core.Chat;
using KpiBot.Core.CheckIns;
using KpiBot.Slack;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KpiBot.Host.Tests.Slack;

/// <summary>
/// The "no public URL" setup of the Slack issue's Done-when: the real host with only the two tokens
/// (<c>Slack:BotToken</c>, <c>Slack:AppToken</c>) runs the whole check-in loop over Socket Mode — envelopes in,
/// acks and Web API calls out — while <c>/slack/events</c>, with no signing secret, refuses everything.
/// </summary>
public sealed class SlackSocketModeLoopTests
{
    // Friday 2026-11-27 14:00 UTC: 23:00 in Tokyo, 09:00 in New York (Emily, English).
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);
    private const string Emily = "U0EMILY";
    private const string Sato = "U0SATO";
    private const string Bot = "U0KPIBOT";

    [Fact]
    public async Task TwoTokensOnly_TheWholeLoopRunsOverSocketMode_AndHttpIsRefused()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var socket = await FakeSocketModeServer.StartAsync();
        var logs = new RecordingLoggerProvider();
        await using var host = await SlackHost.StartAsync(db, Friday, signingSecret: null, configure: (b, api) =>
        {
            b.UseSetting("Slack:AppToken", FakeSocketModeServer.GoodAppToken);
            b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs));
            api.AnswerAlways("apps.connections.open", call => socket.Open(call.Authorization));
        });
        var slack = host.Slack;
        slack.AddUser(Emily, "emily.carter@example.com", "America/New_York", "en-US");
        slack.AddUser(Sato, "sato@example.co.jp");

        // With no signing secret, HTTP fails closed: a request signed with any secret is refused and nothing happens.
        var overHttp = await host.JsonAsync(SlackPayloads.Event(SlackHost.Team, "Ev0", Emily, "D0EMILY", "help"));
        Assert.Equal(HttpStatusCode.Unauthorized, overHttp.StatusCode);
        var connection = await socket.NextConnectionAsync();
        await logs.WaitForAsync(1001); // "Slack Socket Mode: connected to 127.0.0.1."
        var started = Assert.Single(logs.Lines, l => l.Text.StartsWith("Slack: HTTP requests", StringComparison.Ordinal)).Text;
        Assert.Contains("HTTP requests refused (Slack:SigningSecret missing)", started, StringComparison.Ordinal);
        Assert.Contains("Socket Mode on", started, StringComparison.Ordinal);
        Assert.Equal("Bearer " + FakeSocketModeServer.GoodAppToken, Assert.Single(socket.OpenCalls));
        await host.SettleAsync();
        Assert.Empty(slack.Of("chat.postMessage"));

        // Emily's first DM to the bot: linked by her Slack email, answered in the DM.
        var hello = JsonNode.Parse(SlackPayloads.Event(SlackHost.Team, "Ev1", Emily, "D0EMILY", "help"))!;
        hello["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = SlackHost.Team, ["user_id"] = Bot, ["is_bot"] = true });
        var helloAck = await socket.AckAsync(await connection.SendEnvelopeAsync("events_api", hello));
        Assert.False(helloAck.ContainsKey("payload"));
        await host.SettleAsync();
        Assert.Equal("D0EMILY", Assert.Single(slack.Of("chat.postMessage")).Json["channel"]!.GetValue<string>());
        var emily = new ChatUser(Platforms.Slack, SlackHost.Team, Emily);
        Assert.Equal("emily", await host.InScopeAsync(s => s.GetRequiredService<IIdentityStore>().FindPersonIdAsync(emily, CancellationToken.None)));

        // The lead's `/kpi start`: the engine sends Emily her prompt in a DM.
        Assert.NotEmpty(await SlashAsync(host, socket, connection, "start"));
        var prompt = Assert.Single(slack.Of("chat.postMessage"), c => c.Json["text"]!.GetValue<string>().StartsWith("Check-in for", StringComparison.Ordinal));
        Assert.Equal("DU0EMILY", prompt.Json["channel"]!.GetValue<string>());
        var ts = $"1700000000.{slack.Of("chat.postMessage").ToList().IndexOf(prompt) + 1:D6}";
        var button = SlackPayloads.FirstButtonValue(prompt.Json);

        // She clicks "Check in": the modal is opened (views.open) before the click is acknowledged.
        var click = SlackPayloads.ButtonJson(SlackHost.Team, Emily, "DU0EMILY", ts, SlackIds.OpenCheckIn, button);
        await socket.AckAsync(await connection.SendEnvelopeAsync("interactive", click));
        var modal = Assert.Single(slack.Of("views.open")).Json["view"]!;
        var inputs = modal["blocks"]!.AsArray().Where(b => b!["element"]?["type"]?.GetValue<string>() == "number_input").Select(b => b!["block_id"]!.GetValue<string>());
        Assert.Equal(["kdi:daily-calls", "kdi:intro-emails"], inputs);

        // She submits: the ack closes the modal, the prompt becomes the receipt, the values are stored.
        var submission = SlackPayloads.SubmissionJson(
            SlackHost.Team, Emily, modal["private_metadata"]!.GetValue<string>(),
            new Dictionary<string, string?> { ["kdi:daily-calls"] = "18", ["kdi:intro-emails"] = "3" }, "Two callbacks");
        var submitAck = await socket.AckAsync(await connection.SendEnvelopeAsync("interactive", submission));
        Assert.Equal("clear", submitAck["payload"]!["response_action"]!.GetValue<string>());
        await host.SettleAsync();
        var receipt = Assert.Single(slack.Of("chat.update")).Json;
        Assert.Equal(("DU0EMILY", ts), (receipt["channel"]!.GetValue<string>(), receipt["ts"]!.GetValue<string>()));
        Assert.StartsWith("Saved for Fri 27 Nov: 架電数/日: 18 calls (target 20 calls)", receipt["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var day = await host.InScopeAsync(s => s.GetRequiredService<ICheckInRepository>().GetDayAsync("emily", new DateOnly(2026, 11, 27), CancellationToken.None));
        Assert.Equal([("daily-calls", 18m), ("intro-emails", 3m)], day.OrderBy(e => e.NodeId).Select(e => (e.NodeId, e.Value)));

        // The lead's `/kpi status` shows them.
        var status = await SlashAsync(host, socket, connection, "status");
        Assert.Contains("18件 / ", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Emily Carter", status, StringComparison.Ordinal);

        // No token in the log.
        Assert.DoesNotContain(FakeSocketModeServer.GoodAppToken, logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb-e2e", logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoSlackSettings_SlackIsOff_InOneLogLine()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var logs = new RecordingLoggerProvider();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in db.Settings)
            {
                b.UseSetting(key, value);
            }

            b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs));
        });
        using var client = factory.CreateClient();

        var response = await client.PostAsync(new Uri("/slack/events", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single(logs.Lines, l => l.Text.StartsWith("Slack is off: no Slack settings", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Text.StartsWith("Slack: HTTP requests", StringComparison.Ordinal));
    }

    /// <summary>The lead's slash command as a <c>slash_commands</c> envelope; what the lead sees first (the ack's answer, else the first response_url post).</summary>
    private static async Task<string> SlashAsync(SlackHost host, FakeSocketModeServer socket, FakeSocketModeServer.Connection connection, string text)
    {
        var before = host.Slack.Of("response_url").Count;
        var command = SlackPayloads.SlashJson(SlackHost.Team, Sato, "D0SATO", text, host.Slack.ResponseUrl, "directmessage");
        var ack = await socket.AckAsync(await connection.SendEnvelopeAsync("slash_commands", command));
        await host.SettleAsync();
        return ack["payload"]?["text"]?.GetValue<string>() ?? host.Slack.Of("response_url")[before].Json["text"]!.GetValue<string>();
    }
}
