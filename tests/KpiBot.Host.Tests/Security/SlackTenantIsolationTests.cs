using System.Net;
using System.Text.Json.Nodes;
using KpiBot.Core.Chat;
using KpiBot.Host.Tests.Hostile;
using KpiBot.Host.Tests.Slack;
using KpiBot.Slack;
using KpiBot.Slack.People;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KpiBot.Host.Tests.Security;

/// <summary>
/// KpiBot serves the Slack workspaces it has a token for (the configured bot token's, installed ones) and no other:
/// a request Slack signed for another workspace — whose members carry our people's user ids and email addresses —
/// asking for status, sending a message, pressing a prompt's buttons or submitting the check-in modal, over HTTP or
/// Socket Mode, is refused before anything is read, stored or sent, while the same requests from our workspace, and
/// from a workspace installed a moment ago through another host, are served.
/// </summary>
public sealed class SlackTenantIsolationTests
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);
    private const string Other = "T0OTHERORG";
    private const string Emily = "U0EMILY";
    private const string Sato = "U0SATO";
    private const string Card = "{\"o\":\"DailyPrompt:emily:2026-11-27\",\"d\":\"2026-11-27\",\"v\":1,\"p\":\"emily\"}";
    private const string ModalCard = "{\"o\":\"DailyPrompt:emily:2026-11-27\",\"d\":\"2026-11-27\",\"v\":1,\"p\":\"emily\",\"c\":\"DU0EMILY\",\"t\":\"1700000000.000001\"}";

    /// <summary>What another workspace's Emily and Sato send: the requests that read, store or answer with numbers.</summary>
    private static (string Name, string Body, string ContentType)[] Requests(string team, Uri responseUrl) =>
    [
        ("status", SlackPayloads.Slash(team, Sato, "D0SATO", "status", responseUrl, "directmessage"), "application/x-www-form-urlencoded"),
        ("message", SlackPayloads.Event(team, "Ev-" + team, Emily, "D0EMILY", "help"), "application/json"),
        ("check-in button", SlackPayloads.Button(team, Emily, "DU0EMILY", "1700000000.000001", SlackIds.OpenCheckIn, Card), "application/x-www-form-urlencoded"),
        ("skip button", SlackPayloads.Button(team, Emily, "DU0EMILY", "1700000000.000001", SlackIds.Skip, Card), "application/x-www-form-urlencoded"),
        ("check-in modal", SlackPayloads.Submission(team, Emily, ModalCard, new Dictionary<string, string?> { ["kdi:daily-calls"] = "20", ["kdi:intro-emails"] = "3" }), "application/x-www-form-urlencoded"),
    ];

    [Fact]
    public async Task AnotherWorkspace_OverHttp_StatusMessageButtonsAndModal_Refused403_NothingReadStoredOrSent_WhileOursAndAnInstalledOneAreServed()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await SlackHost.StartAsync(db, Friday, dispatch: false);
        host.Slack.AddUser(Emily, "emily.carter@example.com", "America/New_York", "en-US");
        host.Slack.AddUser(Sato, "sato@example.co.jp");
        // The served workspaces are known (auth.test of the configured token) before the counting starts.
        Assert.Equal([SlackHost.Team], await host.InScopeAsync(s => s.GetRequiredService<SlackWorkspaces>().TeamIdsAsync(CancellationToken.None)));
        var before = await StoredRows.ReadAsync(host.Services);
        var calls = host.Slack.Calls.Count;

        foreach (var (name, body, contentType) in Requests(Other, host.Slack.ResponseUrl))
        {
            var response = await host.PostAsync(body, contentType);
            Assert.Equal((name, HttpStatusCode.Forbidden), (name, response.StatusCode));
            Assert.Empty(await response.Content.ReadAsStringAsync());
        }

        await host.SettleAsync();
        Assert.Equal(before, await StoredRows.ReadAsync(host.Services));
        Assert.Equal(calls, host.Slack.Calls.Count);   // no users.info, auth.test, views.open or answer
        using (var health = new HttpRequestMessage(HttpMethod.Get, new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(health)).StatusCode);
        }

        // Our workspace's lead asks the same and gets the numbers: the refusals were about the workspace alone.
        Assert.Contains("¥100,000,000", await host.SlashAsync(Sato, "D0SATO", "status"), StringComparison.Ordinal);

        // A workspace installed through OAuth on another host a moment ago (this host's list is still cached) is served.
        await host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<IChatInstallationStore>().SaveAsync(
                new ChatInstallation(Platforms.Slack, "T0INSTALLED", "protected-token", "U0BOT", null, host.Time.GetUtcNow()), CancellationToken.None);
            return 0;
        });
        var installed = await host.FormAsync(SlackPayloads.Slash("T0INSTALLED", "U0NEW", "D0NEW", "help", host.Slack.ResponseUrl, "directmessage"));
        Assert.Equal(HttpStatusCode.OK, installed.StatusCode);
        await host.SettleAsync();
    }

    [Fact]
    public async Task AnotherWorkspace_OverSocketMode_EnvelopesAcknowledgedAndDropped_NothingStoredOrSent_WhileOursIsServed()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var socket = await FakeSocketModeServer.StartAsync();
        var logs = new RecordingLoggerProvider();
        await using var host = await SlackHost.StartAsync(db, Friday, signingSecret: null, dispatch: false, configure: (b, api) =>
        {
            b.UseSetting("Slack:AppToken", FakeSocketModeServer.GoodAppToken);
            b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs));
            api.AnswerAlways("apps.connections.open", call => socket.Open(call.Authorization));
        });
        host.Slack.AddUser(Emily, "emily.carter@example.com", "America/New_York", "en-US");
        host.Slack.AddUser(Sato, "sato@example.co.jp");
        var connection = await socket.NextConnectionAsync();
        await logs.WaitForAsync(1001);
        Assert.Equal([SlackHost.Team], await host.InScopeAsync(s => s.GetRequiredService<SlackWorkspaces>().TeamIdsAsync(CancellationToken.None)));
        await host.SettleAsync();
        var before = await StoredRows.ReadAsync(host.Services);
        var calls = host.Slack.Calls.Count;

        JsonNode Message(string team)
        {
            var message = JsonNode.Parse(SlackPayloads.Event(team, "Ev-" + team, Emily, "D0EMILY", "help"))!;
            message["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = team, ["user_id"] = "U0KPIBOT", ["is_bot"] = true });
            return message;
        }

        (string Type, JsonNode Payload)[] Envelopes(string team) =>
        [
            ("slash_commands", SlackPayloads.SlashJson(team, Sato, "D0SATO", "status", host.Slack.ResponseUrl, "directmessage")),
            ("events_api", Message(team)),
            ("interactive", SlackPayloads.ButtonJson(team, Emily, "DU0EMILY", "1700000000.000001", SlackIds.OpenCheckIn, Card)),
            ("interactive", SlackPayloads.ButtonJson(team, Emily, "DU0EMILY", "1700000000.000001", SlackIds.Skip, Card)),
            ("interactive", SlackPayloads.SubmissionJson(team, Emily, ModalCard, new Dictionary<string, string?> { ["kdi:daily-calls"] = "20", ["kdi:intro-emails"] = "3" })),
        ];

        foreach (var (type, payload) in Envelopes(Other))
        {
            var ack = await socket.AckAsync(await connection.SendEnvelopeAsync(type, payload));
            Assert.False(ack.ContainsKey("payload"), type + ": " + ack.ToJsonString());   // acknowledged, so Slack does not resend it
        }

        await host.SettleAsync();
        Assert.Equal(before, await StoredRows.ReadAsync(host.Services));
        Assert.Equal(calls, host.Slack.Calls.Count);
        Assert.Equal(5, logs.Lines.Count(l => l.Text.Contains("from workspace " + Other + " was refused", StringComparison.Ordinal)));

        // Our workspace's lead gets the numbers over the same connection.
        var status = await socket.AckAsync(await connection.SendEnvelopeAsync("slash_commands", Envelopes(SlackHost.Team)[0].Payload));
        await host.SettleAsync();
        var text = status["payload"]?["text"]?.GetValue<string>() ?? host.Slack.Of("response_url")[^1].Json["text"]!.GetValue<string>();
        Assert.Contains("¥100,000,000", text, StringComparison.Ordinal);
    }
}
