using System.Net;
using System.Text.Json.Nodes;
using KpiBot.Core.Delivery;
using KpiBot.Host.Tests.Slack;
using KpiBot.Host.Tests.Teams;
using KpiBot.Slack;
using KpiBot.Storage;
using KpiBot.Testing.Fakes;
using KpiBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using static KpiBot.Host.Tests.Teams.TeamsActivities;

namespace KpiBot.Host.Tests.Outcomes;

/// <summary>
/// The people who report an outcome are asked for it on its cadence, through the dispatcher and delivery rows of
/// the KDI prompts: the lead 佐藤 is asked for November's new and repeat sales on Monday 30 November (the month's
/// last working day) at 16:00 Tokyo time, once, reminded two hours later while they are unreported, and answers
/// through the ask's form; the reps are asked for their meetings on Friday 27 November at 16:00, except one who
/// reported that week already — on SQLite and PostgreSQL, against the fake Slack Web API and Bot Framework.
/// </summary>
public abstract class OutcomeAskHostTests(StorageProvider provider) : TeamsHostFixture(provider, now: MondayEarly)
{
    private static readonly DateTimeOffset MondayEarly = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayAsk = new(2026, 11, 30, 7, 1, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayReminder = new(2026, 11, 30, 9, 1, 0, TimeSpan.Zero);
    private const string Ask = "実績の報告をお願いします: 新規顧客の売上（2026年11月）、リピート受注（2026年11月）";
    private const string Reminder = "リマインド: 実績の報告がまだです: ";

    [Fact]
    public async Task InSlack_TheLeadIsAskedOnceOnTheDueDay_Reminded_AndTheButtonsFormStoresTheResultAndMovesTheKgi()
    {
        await OutcomeHostTests.ImportWithCallsAsync(Db);
        await using var host = await SlackHost.StartAsync(Db, MondayEarly);
        host.AddSato();

        // 15:00 in Tokyo: nothing yet. 16:01: one direct message with both of November's results to report.
        await DispatchAsync(host, MondayEarly);
        Assert.Empty(host.Slack.Of("chat.postMessage"));
        await DispatchAsync(host, MondayAsk);
        var ask = Assert.Single(host.Slack.Of("chat.postMessage"));
        Assert.Equal("DU0SATO", ask.Json["channel"]!.GetValue<string>());
        var text = ask.Json["text"]!.GetValue<string>();
        Assert.StartsWith(Ask, text, StringComparison.Ordinal);
        Assert.Contains("report new-sales", text, StringComparison.Ordinal);
        var button = ask.Json["blocks"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]![0]!;
        Assert.Equal((SlackIds.OpenReport, "new-sales"), (button["action_id"]!.GetValue<string>(), button["value"]!.GetValue<string>()));
        var row = await host.InScopeAsync(s => s.GetRequiredService<IDeliveryStore>().FindAsync("OutcomePrompt:sato:2026-11-30", CancellationToken.None));
        Assert.Equal(DeliveryState.Sent, row!.State);

        // The dispatcher runs again (on this host or another): the ask is not sent twice.
        await DispatchAsync(host, MondayAsk.AddMinutes(1));
        Assert.Single(host.Slack.Of("chat.postMessage"));

        // Two hours later, still unreported: the reminder, with the form again.
        await DispatchAsync(host, MondayReminder);
        var reminder = Assert.Single(host.Slack.Of("chat.postMessage"), c => c.Json["text"]!.GetValue<string>().StartsWith(Reminder, StringComparison.Ordinal));
        Assert.Contains("新規顧客の売上（2026年11月）", reminder.Json["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, host.Slack.Of("chat.postMessage").Count(c => c.Json["channel"]!.GetValue<string>() == "DU0SATO"));

        // She clicks the ask's button: the report modal opens with new sales chosen; its submission stores the result.
        var ts = $"1700000000.{host.Slack.Of("chat.postMessage").ToList().IndexOf(ask) + 1:D6}";
        Assert.Equal(HttpStatusCode.OK, (await host.FormAsync(SlackPayloads.Button(SlackHost.Team, "U0SATO", "DU0SATO", ts, SlackIds.OpenReport, "new-sales"))).StatusCode);
        await host.SettleAsync();
        var modal = host.Slack.Single("views.open").Json["view"]!;
        Assert.Equal(("kpi_report", "DU0SATO"), (modal["callback_id"]!.GetValue<string>(), modal["private_metadata"]!.GetValue<string>()));
        Assert.Equal("new-sales", modal["blocks"]![0]!["element"]!["initial_option"]!["value"]!.GetValue<string>());
        var saved = await host.FormAsync(ReportFormHostTests.ReportSubmission("U0SATO", "DU0SATO", "new-sales", "120万", "2026-11-30"));
        Assert.Equal("clear", JsonNode.Parse(await saved.Content.ReadAsStringAsync())!["response_action"]!.GetValue<string>());
        await host.SettleAsync();
        Assert.Contains(host.Slack.Of("chat.postMessage"), c => c.Json["text"]!.GetValue<string>()
            .StartsWith("新規顧客の売上（2026年11月）の実績 ¥1,200,000 を記録しました。", StringComparison.Ordinal));

        var status = await host.SatoAsync("status");
        Assert.Contains(OutcomeHostTests.Kgi, status, StringComparison.Ordinal);
        Assert.Contains(OutcomeHostTests.Estimate, status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InSlack_RepsAreAskedForTheirMeetingsOnFriday_ExceptWhoReportedTheWeek_AndAnAnswerCancelsTheReminder()
    {
        await OutcomeHostTests.ImportWithCallsAsync(Db);
        await using var host = await SlackHost.StartAsync(Db, new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero));
        host.Slack.AddUser("U0TANAKA", "tanaka@example.co.jp");
        host.Slack.AddUser("U0SUZUKI", "suzuki@example.co.jp");

        // 田中 reports this week's meetings on Friday at noon, before he is asked.
        var early = await host.SlashAsync("U0TANAKA", "D0TANAKA", "report meetings 2");
        Assert.Contains("記録しました", early, StringComparison.Ordinal);

        // 16:01 in Tokyo: 鈴木 is asked for the week of 23 November; 田中 is not.
        await DispatchAsync(host, new DateTimeOffset(2026, 11, 27, 7, 1, 0, TimeSpan.Zero));
        var asks = host.Slack.Of("chat.postMessage").Where(c => c.Json["text"]!.GetValue<string>().StartsWith("実績の報告", StringComparison.Ordinal)).ToList();
        var ask = Assert.Single(asks);
        Assert.Equal("DU0SUZUKI", ask.Json["channel"]!.GetValue<string>());
        Assert.StartsWith("実績の報告をお願いします: 商談 30件/月（2026-11-23 の週）", ask.Json["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var tanaka = await FindAsync(host, "OutcomePrompt:tanaka:2026-11-27");
        Assert.Equal((DeliveryState.Skipped, "already reported"), (tanaka!.State, tanaka.Detail));

        // 鈴木 answers in text; two hours later there is nothing to remind anyone of.
        Assert.Contains("記録しました", await host.SlashAsync("U0SUZUKI", "D0SUZUKI", "report meetings 1"), StringComparison.Ordinal);
        await DispatchAsync(host, new DateTimeOffset(2026, 11, 27, 9, 1, 0, TimeSpan.Zero));
        Assert.DoesNotContain(host.Slack.Of("chat.postMessage"), c => c.Json["text"]!.GetValue<string>().StartsWith(Reminder, StringComparison.Ordinal));
        Assert.Equal(DeliveryState.Skipped, (await FindAsync(host, "OutcomeReminder:suzuki:2026-11-27"))!.State);
        Assert.Equal(DeliveryState.Skipped, (await FindAsync(host, "OutcomeReminder:tanaka:2026-11-27"))!.State);
    }

    [Fact]
    public async Task InTeams_TheLeadGetsTheReportCardOnTheDueDay_ItsSubmitStoresTheResult_AndTheReminderNamesOnlyWhatIsOpen()
    {
        await OutcomeHostTests.ImportWithCallsAsync(Db);
        await using var host = StartHost();
        await InstallAsync(host);

        Time.SetUtcNow(MondayAsk);
        await host.InScopeAsync(s => s.GetRequiredService<Dispatcher>().RunAsync(CancellationToken.None));
        await host.SettleAsync();
        var card = Assert.Single(Fake.Requests, r => Sent(r, "実績の報告をお願いします"));
        var body = Text(card);
        Assert.Contains(Ask, body, StringComparison.Ordinal);
        Assert.Contains("report new-sales", body, StringComparison.Ordinal);
        Assert.Contains("Input.ChoiceSet", card.Body, StringComparison.Ordinal);
        var path = card.Path.Split('/');
        var conversation = Uri.UnescapeDataString(path[3]);
        Assert.Equal("a:personal:" + UserOf("sato"), conversation);

        var data = CardData(card, 0, ("report:goal", "new-sales"), ("report:amount", "¥1,200,000"), ("report:day", "2026-11-30"));
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Submit(host.ServiceUrl, "sato", conversation, card.ActivityId, data, "m-good"), Token())).StatusCode);
        await host.SettleAsync();
        var update = Assert.Single(Fake.Calls("PUT", "/v3/conversations/" + Uri.EscapeDataString(conversation) + "/activities/" + card.ActivityId));
        Assert.Contains("新規顧客の売上（2026年11月）の実績 ¥1,200,000 を記録しました。", Text(update), StringComparison.Ordinal);

        // Repeat sales are still open, so the reminder comes — naming only them.
        Time.SetUtcNow(MondayReminder);
        await host.InScopeAsync(s => s.GetRequiredService<Dispatcher>().RunAsync(CancellationToken.None));
        await host.SettleAsync();
        var reminder = Assert.Single(Fake.Requests, r => Sent(r, Reminder));
        Assert.Contains(Reminder + "リピート受注（2026年11月）", Text(reminder), StringComparison.Ordinal);
        Assert.DoesNotContain("新規顧客の売上（2026年11月）", Text(reminder).Split('\n').First(l => l.StartsWith(Reminder, StringComparison.Ordinal)), StringComparison.Ordinal);

        var status = Text(await SayAsync(host, "sato", "status", "m-status"));
        Assert.Contains(OutcomeHostTests.Kgi, status, StringComparison.Ordinal);
        Assert.Contains(OutcomeHostTests.Estimate, status, StringComparison.Ordinal);
    }

    /// <summary>A message sent to the connector whose texts (unescaped) hold <paramref name="text"/>.</summary>
    private static bool Sent(RecordedRequest call, string text) =>
        call.Method == "POST" && call.Body.StartsWith('{') && Text(call).Contains(text, StringComparison.Ordinal);

    private static async Task DispatchAsync(SlackHost host, DateTimeOffset at)
    {
        host.Time.SetUtcNow(at);
        await host.InScopeAsync(s => s.GetRequiredService<Dispatcher>().RunAsync(CancellationToken.None));
        await host.SettleAsync();
    }

    private static Task<DeliveryRecord?> FindAsync(SlackHost host, string key) =>
        host.InScopeAsync(s => s.GetRequiredService<IDeliveryStore>().FindAsync(key, CancellationToken.None));
}

public sealed class SqliteOutcomeAskHostTests() : OutcomeAskHostTests(StorageProvider.Sqlite);

public sealed class PostgresOutcomeAskHostTests() : OutcomeAskHostTests(StorageProvider.Postgres);
