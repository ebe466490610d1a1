using System.Text.Json.Nodes;
using KpiBot.Core.Chat;
using KpiBot.Slack.Inbound;
using KpiBot.Testing.Fakes;
using Microsoft.Extensions.Logging;

namespace KpiBot.Slack.Tests.Handling;

public sealed class SlackInboundHandlerTests : IAsyncLifetime
{
    private HandlerWorld _world = null!;

    public async Task InitializeAsync() => _world = await HandlerWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private FakeSlackApi Slack => _world.Slack;

    [Fact]
    public async Task Uninstalled_ForgetsTheWorkspacesInstallation_AndOnlyThatOne()
    {
        await _world.Adapter.SaveAsync(new ChatInstallation(Platforms.Slack, HandlerWorld.Team, "protected", "UB", null, _world.Time.GetUtcNow()), CancellationToken.None);
        await _world.Adapter.SaveAsync(new ChatInstallation(Platforms.Slack, "T0OTHER", "protected", "UB", null, _world.Time.GetUtcNow()), CancellationToken.None);

        Assert.Equal(SlackAck.Empty, await _world.HandleAsync(new SlackInbound.Uninstalled(HandlerWorld.Team, "Ev-gone")));
        await _world.SettleAsync();

        Assert.Null(await _world.Adapter.FindAsync(Platforms.Slack, HandlerWorld.Team, CancellationToken.None));
        Assert.NotNull(await _world.Adapter.FindAsync(Platforms.Slack, "T0OTHER", CancellationToken.None));
    }

    [Fact]
    public async Task Event_FromAnUnknownUser_AsksSlackForTheirEmailOnce_LinksThem_AndRepliesInTheDm()
    {
        Assert.Equal(SlackAck.Empty, await _world.EventAsync("Ev1", "help"));
        await _world.SettleAsync();
        Assert.Equal(SlackAck.Empty, await _world.EventAsync("Ev2", "help"));
        await _world.SettleAsync();

        Assert.Single(Slack.Of("users.info"));
        Assert.Equal("emily", await _world.Directory.FindPersonIdAsync(new ChatUser(Platforms.Slack, HandlerWorld.Team, HandlerWorld.Emily), CancellationToken.None));
        var stored = await _world.Adapter.FindAsync(new ChatUser(Platforms.Slack, HandlerWorld.Team, HandlerWorld.Emily), CancellationToken.None);
        Assert.Equal(("emily.carter@example.com", "America/New_York", "en-US"), (stored!.Email, stored.TimeZone, stored.Locale));
        var replies = Slack.Of("chat.postMessage");
        Assert.Equal(2, replies.Count);
        Assert.All(replies, r => Assert.Equal(HandlerWorld.EmilyDm, r.Json["channel"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Events_FromASenderSlackWillNotDescribe_CostOneUsersInfo_AndOneLogLine_NotOnePerMessage()
    {
        const string guest = "U0GUEST";
        for (var i = 0; i < 3; i++)
        {
            Slack.Answer("users.info", 200, """{"ok":false,"error":"user_not_found"}""");
        }

        for (var i = 1; i <= 3; i++)
        {
            var payload = System.Text.Encoding.UTF8.GetBytes(SlackPayloads.Event(HandlerWorld.Team, "EvG" + i, guest, "DGUEST", "help"));
            await _world.HandleAsync(SlackEventParser.Parse(payload, null));
            await _world.SettleAsync();
            _world.Time.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.Single(Slack.Of("users.info"));
        Assert.Single(_world.Log.Lines, l => l.Level >= LogLevel.Warning && l.Text.Contains("users.info", StringComparison.Ordinal));
        Assert.Equal(3, Slack.Of("chat.postMessage").Count);   // each still answered, as someone unknown
    }

    [Fact]
    public async Task Event_RepeatedBySlack_IsAcknowledgedAndIgnored()
    {
        await _world.EventAsync("Ev1", "help");
        await _world.SettleAsync();

        Assert.Equal(SlackAck.Empty, await _world.EventAsync("Ev1", "help"));
        await _world.SettleAsync();

        Assert.Single(Slack.Of("chat.postMessage"));
    }

    [Fact]
    public async Task Event_FromAGuestWithoutAKnownEmail_GetsThePoliteRefusal_AndIsNotLinked()
    {
        var guest = SlackEventParser.Parse(System.Text.Encoding.UTF8.GetBytes(SlackPayloads.Event(HandlerWorld.Team, "Ev9", "U0GUEST", "D0GUEST", "status")), null);

        await _world.HandleAsync(guest);
        await _world.SettleAsync();

        Assert.Null(await _world.Directory.FindPersonIdAsync(new ChatUser(Platforms.Slack, HandlerWorld.Team, "U0GUEST"), CancellationToken.None));
        var reply = Assert.Single(Slack.Of("chat.postMessage"));
        Assert.Equal("D0GUEST", reply.Json["channel"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mention_InAChannel_WithAPrivateReply_IsAnsweredEphemerally()
    {
        var mention = SlackEventParser.Parse(System.Text.Encoding.UTF8.GetBytes(
            SlackPayloads.Event(HandlerWorld.Team, "Ev7", "U0GUEST", "C0SALES", "<@U0LAN0Z89> status", "app_mention", null)), null);

        await _world.HandleAsync(mention);
        await _world.SettleAsync();

        var reply = Assert.Single(Slack.Of("chat.postEphemeral")).Json;
        Assert.Equal(("C0SALES", "U0GUEST"), (reply["channel"]!.GetValue<string>(), reply["user"]!.GetValue<string>()));
        Assert.Empty(Slack.Of("chat.postMessage"));
    }

    [Fact]
    public async Task Event_FromTheBotsOwnUser_IsIgnored_AndItsIdentityIsAskedOncePerWorkspace()
    {
        var own = SlackEventParser.Parse(System.Text.Encoding.UTF8.GetBytes(
            SlackPayloads.Event(HandlerWorld.Team, "Ev5", "U0LAN0Z89", "D0EMILY", "help")), null);

        Assert.Equal(SlackAck.Empty, await _world.HandleAsync(own));
        await _world.EventAsync("Ev6", "help");
        await _world.SettleAsync();

        // Asked twice in all, not per event: which workspace the bot token serves (SlackTenantGate) and the bot's user id.
        Assert.Equal(2, Slack.Of("auth.test").Count);
        Assert.Single(Slack.Of("chat.postMessage"));
        Assert.Null(await _world.Adapter.FindAsync(new ChatUser(Platforms.Slack, HandlerWorld.Team, "U0LAN0Z89"), CancellationToken.None));
    }

    [Fact]
    public async Task QueuedWork_HandedOverOnStop_IsDoneFromItsDurableForm_AsTheQueueWouldHaveDoneIt()
    {
        // A DM event, a slash command and an uninstall, as a stopping host hands them to the durable job.
        await _world.EventAsync("Ev1", "help");
        await _world.HandleAsync(SlashCommandParser.Parse(SlackPayloads.Slash(HandlerWorld.Team, HandlerWorld.Emily, "C0SALES", "help", Slack.ResponseUrl)));
        await _world.Adapter.SaveAsync(new ChatInstallation(Platforms.Slack, HandlerWorld.Team, "protected", "UB", null, _world.Time.GetUtcNow()), CancellationToken.None);
        await _world.HandleAsync(new SlackInbound.Uninstalled(HandlerWorld.Team, "Ev-gone"));
        await _world.SettleAsync();
        var items = _world.Queue.Items.ToList();
        Assert.Equal(["message", "slash command", "uninstall"], items.Select(i => i.Kind));
        Assert.All(items, i => Assert.NotNull(i.Durable));
        await _world.Adapter.SaveAsync(new ChatInstallation(Platforms.Slack, HandlerWorld.Team, "protected", "UB", null, _world.Time.GetUtcNow()), CancellationToken.None);
        var posted = Slack.Of("chat.postMessage").Count;

        foreach (var item in items)
        {
            await _world.ResumeAsync(item);
        }

        // The event is answered in the DM again, the slash command through its response_url (its ack is long gone),
        // and the installation is forgotten.
        Assert.Equal(posted + 1, Slack.Of("chat.postMessage").Count);
        Assert.Equal(Slack.Of("chat.postMessage")[0].Json["text"]!.ToJsonString(), Slack.Of("chat.postMessage")[^1].Json["text"]!.ToJsonString());
        Assert.Contains("checkin", Assert.Single(Slack.Of("response_url")).Json["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(await _world.Adapter.FindAsync(Platforms.Slack, HandlerWorld.Team, CancellationToken.None));
    }

    [Fact]
    public async Task SlashCommand_AnsweredInTime_IsAnsweredInTheAck()
    {
        var command = SlashCommandParser.Parse(SlackPayloads.Slash(HandlerWorld.Team, HandlerWorld.Emily, "C0SALES", "help", Slack.ResponseUrl));

        var ack = HandlerWorld.Ack(await _world.HandleAsync(command));
        await _world.SettleAsync();

        Assert.Equal("ephemeral", ack["response_type"]!.GetValue<string>());
        Assert.Contains("checkin", ack["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Slack.Of("chat.postMessage"));
    }

    [Fact]
    public async Task SlashCommand_AnsweredLate_IsAcknowledgedEmpty_AndAnsweredThroughItsResponseUrl()
    {
        var command = SlashCommandParser.Parse(SlackPayloads.Slash(HandlerWorld.Team, HandlerWorld.Emily, "C0SALES", "help", Slack.ResponseUrl));
        _world.Engine.Close();

        var acking = _world.HandleAsync(command);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (!acking.IsCompleted)
            {
                _world.Time.Advance(TimeSpan.FromSeconds(1));   // Slack's patience runs out on the handler's clock
                await Task.Delay(10, timeout.Token);
            }
        }

        Assert.Equal(SlackAck.Empty, await acking);
        Assert.Empty(Slack.Of("response_url"));
        _world.Engine.Open();
        await _world.SettleAsync();

        var late = Assert.Single(Slack.Of("response_url")).Json;
        Assert.Equal("ephemeral", late["response_type"]!.GetValue<string>());
        Assert.Contains("checkin", late["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckInButton_OpensTheModal_WithOneNumberInputPerKdi()
    {
        var view = await _world.OpenModalAsync();

        var inputs = view["blocks"]!.AsArray().Where(b => b!["element"]?["type"]?.GetValue<string>() == "number_input").ToList();
        Assert.Equal(["kdi:daily-calls", "kdi:intro-emails"], inputs.Select(b => b!["block_id"]!.GetValue<string>()));
        Assert.Equal("trigger-kpi_checkin_open", Slack.Of("views.open").Single().Json["trigger_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ModalSubmission_Valid_ClosesTheModal_StoresTheValues_AndReplacesThePromptWithTheReceipt()
    {
        var view = await _world.OpenModalAsync();

        var ack = await _world.InteractionAsync(Submit(view, ("daily-calls", "18"), ("intro-emails", "3")));
        await _world.SettleAsync();

        Assert.Equal("clear", HandlerWorld.Ack(ack)["response_action"]!.GetValue<string>());
        Assert.Equal([18m, 3m], _world.CheckIns.Entries.OrderBy(e => e.NodeId).Select(e => e.Value));
        var update = Assert.Single(Slack.Of("chat.update"));
        Assert.Equal(HandlerWorld.EmilyDm, update.Json["channel"]!.GetValue<string>());
        Assert.StartsWith("Saved", update.Json["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModalSubmission_Refused_ShowsTheErrorNextToTheField_AndStoresNothing()
    {
        var view = await _world.OpenModalAsync();

        var ack = HandlerWorld.Ack(await _world.InteractionAsync(Submit(view, ("daily-calls", "12"), ("intro-emails", "-1"))));

        Assert.Equal("errors", ack["response_action"]!.GetValue<string>());
        Assert.NotNull(ack["errors"]!["kdi:intro-emails"]);
        Assert.Empty(_world.CheckIns.Entries);
    }

    [Fact]
    public async Task ModalSubmission_FarAboveTarget_PushesAConfirmation_AndConfirmingSaves()
    {
        var view = await _world.OpenModalAsync();

        var ack = HandlerWorld.Ack(await _world.InteractionAsync(Submit(view, ("daily-calls", "400"))));

        Assert.Equal("push", ack["response_action"]!.GetValue<string>());
        Assert.Empty(_world.CheckIns.Entries);
        var step = ack["view"]!;
        Assert.Equal(SlackIds.ConfirmModal, step["callback_id"]!.GetValue<string>());

        var confirmed = HandlerWorld.Ack(await _world.InteractionAsync(SlackPayloads.Submission(
            HandlerWorld.Team, HandlerWorld.Emily, step["private_metadata"]!.GetValue<string>(), new Dictionary<string, string?>(), callbackId: SlackIds.ConfirmModal)));
        await _world.SettleAsync();

        Assert.Equal("clear", confirmed["response_action"]!.GetValue<string>());
        Assert.Equal(400m, Assert.Single(_world.CheckIns.Entries).Value);
        Assert.StartsWith("Saved", Assert.Single(Slack.Of("chat.update")).Json["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkipButton_IsAcknowledgedAtOnce_ThenThePromptBecomesTheSkippedReceipt()
    {
        var (ts, value) = await _world.PromptAsync();

        Assert.Equal(SlackAck.Empty, await _world.InteractionAsync(SlackPayloads.Button(HandlerWorld.Team, HandlerWorld.Emily, HandlerWorld.EmilyDm, ts, SlackIds.Skip, value)));
        await _world.SettleAsync();

        var update = Assert.Single(Slack.Of("chat.update"));
        Assert.Equal(ts, update.Json["ts"]!.GetValue<string>());
        Assert.Empty(_world.CheckIns.Entries);
    }

    [Fact]
    public async Task LaterMenu_OnThePrompt_QueuesThePromptAgainOnce_AndSaysWhen()
    {
        var (ts, value) = await _world.PromptAsync();
        var click = SlackPayloads.ButtonJson(HandlerWorld.Team, HandlerWorld.Emily, HandlerWorld.EmilyDm, ts, SlackIds.Later, value);
        click["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = SlackIds.Later,
            ["block_id"] = value,   // the "Later" block's id is the card, as the prompt's buttons' value
            ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "In 1 hour" }, ["value"] = "1h" },
            ["action_ts"] = "1764000001.0002",
        });

        Assert.Equal(SlackAck.Empty, await _world.InteractionAsync(SlackPayloads.Interaction(click)));
        await _world.SettleAsync();

        var snooze = Assert.Single(_world.Deliveries.All, d => d.Occurrence.Kind == KpiBot.Core.Scheduling.OccurrenceKind.DailySnooze);
        Assert.Equal(_world.Time.GetUtcNow().AddHours(1), snooze.Occurrence.DueAtUtc);
        Assert.Contains(Slack.Calls.Where(c => c.Method.StartsWith("chat.post", StringComparison.Ordinal)), c => c.Json["text"]?.GetValue<string>() is { } text && text.StartsWith("OK: I will send your check-in for", StringComparison.Ordinal));
        Assert.Empty(Slack.Of("chat.update"));
        Assert.Empty(_world.CheckIns.Entries);
    }

    private static string Submit(JsonNode view, params (string Kdi, string? Value)[] values) => SlackPayloads.Submission(
        HandlerWorld.Team, HandlerWorld.Emily, view["private_metadata"]!.GetValue<string>(),
        values.ToDictionary(v => SlackIds.KdiBlock(v.Kdi), v => v.Value));
}
