using System.Text.Json.Nodes;
using KpiBot.Slack.Inbound;
using KpiBot.Slack.SocketMode;
using KpiBot.Testing.Fakes;
using Microsoft.Extensions.Logging;

namespace KpiBot.Slack.Tests.SocketMode;

public sealed class SlackSocketModeServiceTests
{
    private static JsonNode PayloadJson(string name) => JsonNode.Parse(Fixtures.Read("Payloads", name))!;

    private static readonly Dictionary<string, string> SlashFields = new()
    {
        ["token"] = "gIkuvaNzQIHg97ATvDxqgjtO",
        ["team_id"] = "T061EG9R6",
        ["team_domain"] = "example",
        ["channel_id"] = "C0LAN2Q65",
        ["channel_name"] = "sales",
        ["user_id"] = "U061F7AUR",
        ["user_name"] = "alice",
        ["command"] = "/kpi",
        ["text"] = " status sales ",
        ["api_app_id"] = "A0MDYCDME",
        ["is_enterprise_install"] = "false",
        ["response_url"] = "https://hooks.slack.com/commands/T061EG9R6/1/abc",
        ["trigger_id"] = "13345224609.738474920.8088930838d88f008e0",
    };

    private static void AssertNothingSecretLogged(SocketModeHarness h)
    {
        Assert.DoesNotContain(FakeSocketModeServer.GoodAppToken, h.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("ticket", h.Logs.AllText, StringComparison.OrdinalIgnoreCase);
        Assert.All(h.Slack.Tickets, t => Assert.DoesNotContain(t, h.Logs.AllText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EventsApi_ReachesTheHandlerParsedAsOverHttp_AndIsAckedWithoutPayload()
    {
        await using var h = await SocketModeHarness.StartAsync();
        var connection = await h.Slack.NextConnectionAsync();

        var id = await connection.SendEnvelopeAsync("events_api", PayloadJson("app_mention.json"));

        var received = await h.Handler.NextAsync();
        Assert.Equal(SlackEventParser.Parse(Fixtures.Payload("app_mention.json"), new SlackBotIdentity("U0LAN0Z89")), received);
        var command = Assert.IsType<SlackInbound.Command>(received);
        Assert.Equal("status <team> & more", command.Message.Text);
        var ack = await h.Slack.AckAsync(id);
        Assert.Equal(id, ack["envelope_id"]!.GetValue<string>());
        Assert.False(ack.ContainsKey("payload"));
        Assert.Equal("Bearer " + FakeSocketModeServer.GoodAppToken, Assert.Single(h.Slack.OpenCalls));
        AssertNothingSecretLogged(h);
    }

    [Fact]
    public async Task EventsApi_MentionElsewhereInTheText_IsStrippedWithTheBotFromTheAuthorizations()
    {
        await using var h = await SocketModeHarness.StartAsync();
        var connection = await h.Slack.NextConnectionAsync();
        var payload = PayloadJson("app_mention.json");
        payload["event"]!["text"] = "please <@U0LAN0Z89> me";

        await connection.SendEnvelopeAsync("events_api", payload);

        var text = Assert.IsType<SlackInbound.Command>(await h.Handler.NextAsync()).Message.Text;
        Assert.Equal(["please", "me"], text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Interactive_ReachesTheHandlerParsedAsOverHttp_AndTheAckCarriesTheHandlersPayload()
    {
        await using var h = await SocketModeHarness.StartAsync();
        h.Handler.Answer = _ => new SlackAck("""{"response_action":"errors","errors":{"kdi:calls":"Too many"}}""");
        var connection = await h.Slack.NextConnectionAsync();

        var id = await connection.SendEnvelopeAsync("interactive", PayloadJson("view_submission.json"));

        var received = await h.Handler.NextAsync();
        var overHttp = Assert.IsType<SlackInbound.Submission>(InteractionParser.Parse(Fixtures.InteractionForm("view_submission.json")));
        var submission = Assert.IsType<SlackInbound.Submission>(received);
        Assert.Equal(overHttp.Value with { Values = null! }, submission.Value with { Values = null! });
        Assert.Equal(overHttp.Value.Values, submission.Value.Values);
        var ack = await h.Slack.AckAsync(id);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"response_action":"errors","errors":{"kdi:calls":"Too many"}}"""), ack["payload"]));
    }

    [Fact]
    public async Task Interactive_BlockActions_ReachTheHandlerParsedAsOverHttp()
    {
        await using var h = await SocketModeHarness.StartAsync();
        var connection = await h.Slack.NextConnectionAsync();

        var id = await connection.SendEnvelopeAsync("interactive", PayloadJson("block_actions_open.json"));

        Assert.Equal(InteractionParser.Parse(Fixtures.InteractionForm("block_actions_open.json")), await h.Handler.NextAsync());
        Assert.Equal(id, (await h.Slack.AckAsync(id))["envelope_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SlashCommand_ReachesTheHandlerParsedAsTheFormWouldBe_AndTheAckCarriesTheReply()
    {
        await using var h = await SocketModeHarness.StartAsync();
        h.Handler.Answer = _ => new SlackAck("""{"response_type":"ephemeral","text":"On track"}""");
        var connection = await h.Slack.NextConnectionAsync();
        var payload = new JsonObject();
        foreach (var (key, value) in SlashFields)
        {
            payload[key] = value;
        }

        var id = await connection.SendEnvelopeAsync("slash_commands", payload);

        var form = string.Join('&', SlashFields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
        var received = Assert.IsType<SlackInbound.Command>(await h.Handler.NextAsync());
        var overHttp = Assert.IsType<SlackInbound.Command>(SlashCommandParser.Parse(form));
        Assert.Equal(overHttp, received);
        Assert.Equal("status sales", received.Message.Text);
        Assert.Equal("https://hooks.slack.com/commands/T061EG9R6/1/abc", received.ResponseUrl);
        var ack = await h.Slack.AckAsync(id);
        Assert.Equal("On track", ack["payload"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task FragmentedMessage_IsReassembled()
    {
        await using var h = await SocketModeHarness.StartAsync();
        var connection = await h.Slack.NextConnectionAsync();

        var id = await connection.SendEnvelopeAsync("events_api", PayloadJson("message_im.json"), fragments: 7);

        var command = Assert.IsType<SlackInbound.Command>(await h.Handler.NextAsync());
        Assert.Equal("Ev0PV52K21", command.EventId);
        await h.Slack.AckAsync(id);
    }

    [Fact]
    public async Task RetriedEnvelope_IsStillHandedOnAndAcked()
    {
        await using var h = await SocketModeHarness.StartAsync();
        var connection = await h.Slack.NextConnectionAsync();

        var id = await connection.SendEnvelopeAsync("events_api", PayloadJson("message_im.json"), retryAttempt: 2);

        Assert.Equal("Ev0PV52K21", Assert.IsType<SlackInbound.Command>(await h.Handler.NextAsync()).EventId);
        await h.Slack.AckAsync(id);
    }

    [Fact]
    public async Task MalformedPayload_IsAckedAndNotHandedOn()
    {
        await using var h = await SocketModeHarness.StartAsync();
        var connection = await h.Slack.NextConnectionAsync();

        var bad = await connection.SendEnvelopeAsync("interactive", JsonValue.Create("not an object"));
        var good = await connection.SendEnvelopeAsync("events_api", PayloadJson("message_im.json"));

        await h.Slack.AckAsync(bad);
        await h.Slack.AckAsync(good);
        Assert.IsType<SlackInbound.Command>(Assert.Single(h.Handler.All));
        await h.Logs.WaitForAsync(1006);
    }

    [Fact]
    public async Task HandlerThatThrows_IsLoggedAndTheEnvelopeStillAcked()
    {
        await using var h = await SocketModeHarness.StartAsync();
        h.Handler.Answer = _ => throw new InvalidOperationException("boom");
        var connection = await h.Slack.NextConnectionAsync();

        var id = await connection.SendEnvelopeAsync("events_api", PayloadJson("message_im.json"));

        var ack = await h.Slack.AckAsync(id);
        Assert.False(ack.ContainsKey("payload"));
        Assert.Contains(h.Logs.Lines, l => l.EventId == 1007 && l.Level == LogLevel.Error);
    }

    [Fact]
    public async Task Disconnect_OpensANewUrlAndLaterEnvelopesAreStillHandled()
    {
        await using var h = await SocketModeHarness.StartAsync();
        var first = await h.Slack.NextConnectionAsync();

        await first.DisconnectAsync();
        var second = await h.Slack.NextConnectionAsync();
        var id = await second.SendEnvelopeAsync("events_api", PayloadJson("message_im.json"));

        Assert.IsType<SlackInbound.Command>(await h.Handler.NextAsync());
        await h.Slack.AckAsync(id);
        Assert.True(await first.ClosedByClient);
        Assert.Equal(2, h.Slack.Tickets.Count);
        AssertNothingSecretLogged(h);
    }

    [Fact]
    public async Task AbruptDrop_ReconnectsAndLaterEnvelopesAreStillHandled()
    {
        await using var h = await SocketModeHarness.StartAsync();
        var first = await h.Slack.NextConnectionAsync();

        first.Drop();
        var second = await h.Slack.NextConnectionAsync();
        var id = await second.SendEnvelopeAsync("slash_commands", new JsonObject
        {
            ["command"] = "/kpi", ["text"] = "me", ["user_id"] = "U1", ["team_id"] = "T1", ["channel_id"] = "D1", ["channel_name"] = "directmessage",
        });

        Assert.Equal("me", Assert.IsType<SlackInbound.Command>(await h.Handler.NextAsync()).Message.Text);
        await h.Slack.AckAsync(id);
        Assert.Contains(h.Logs.Lines, l => l.EventId == 1003);
        AssertNothingSecretLogged(h);
    }

    [Fact]
    public async Task ClosedBySlack_ReconnectsAndLaterEnvelopesAreStillHandled()
    {
        await using var h = await SocketModeHarness.StartAsync();
        var first = await h.Slack.NextConnectionAsync();

        await first.CloseAsync();
        var second = await h.Slack.NextConnectionAsync();
        var id = await second.SendEnvelopeAsync("events_api", PayloadJson("message_im.json"));

        Assert.IsType<SlackInbound.Command>(await h.Handler.NextAsync());
        await h.Slack.AckAsync(id);
        Assert.True(await first.ClosedByClient);
    }

    [Fact]
    public async Task BadAppToken_IsLoggedClearlyAndRetriedWithBackoffWithoutCrashing()
    {
        await using var h = await SocketModeHarness.StartAsync(appToken: "xapp-1-revoked-token");

        await h.Logs.WaitForAsync(1004, count: 3);

        Assert.False(h.Service.ExecuteTask!.IsCompleted);
        var line = h.Logs.Lines.First(l => l.EventId == 1004);
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Contains("invalid_auth", line.Text, StringComparison.Ordinal);
        Assert.Contains("Slack:AppToken", line.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("xapp-1-revoked-token", h.Logs.AllText, StringComparison.Ordinal);
        Assert.Empty(h.Slack.Tickets);
    }

    [Fact]
    public async Task Stop_ClosesTheConnectionAndEndsCleanly()
    {
        var h = await SocketModeHarness.StartAsync();
        await using (h)
        {
            var connection = await h.Slack.NextConnectionAsync();
            await h.Logs.WaitForAsync(1001);

            await h.StopAsync();

            Assert.True(h.Service.ExecuteTask!.IsCompletedSuccessfully);
            Assert.Contains(h.Logs.Lines, l => l.EventId == 1010);
            Assert.True(await connection.ClosedByClient);
        }
    }

    [Fact]
    public async Task WithoutAppToken_LogsThatSocketModeIsOffAndNeverCallsSlack()
    {
        await using var h = await SocketModeHarness.StartAsync(appToken: null);

        await h.Service.ExecuteTask!;

        Assert.Contains(h.Logs.Lines, l => l.EventId == 1011);
        Assert.Empty(h.Slack.OpenCalls);
    }
}
