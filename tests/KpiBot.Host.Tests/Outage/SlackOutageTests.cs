using System.Net;
using System.Text.Json.Nodes;
using KpiBot.Host.Tests.Slack;
using KpiBot.Slack;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Fakes;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Host.Tests.Outage;

/// <summary>A check-in sent while the database is away is answered "send it again" — never lost silently — and taken once it is back.</summary>
public sealed class SlackOutageTests
{
    // Friday 2026-11-27 14:00 UTC: 23:00 in Tokyo, 09:00 in New York (Emily, English).
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);
    private const string Emily = "U0EMILY";
    private const string Sato = "U0SATO";
    private const string TryAgain = "Sorry, I can't reach my database just now, so that was not saved or done. Please send it again in a minute.";

    [Fact]
    public async Task ACheckInSentWhileTheDatabaseIsAway_IsAnsweredSendItAgainNextToTheForm_AndSavedOnceSentAgain()
    {
        await using var db = (PostgresTestDatabase)await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var host = await SlackHost.StartAsync(db, Friday);
        var metadata = await host.OpenEmilysDailyCheckInAsync();
        var submission = SlackPayloads.Submission(SlackHost.Team, Emily, metadata, new Dictionary<string, string?> { ["kdi:daily-calls"] = "18" });

        await db.SetReachableAsync(false);
        var refused = await host.FormAsync(submission);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var ack = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", ack["response_action"]!.GetValue<string>());       // the form stays open, as typed
        Assert.Equal(TryAgain, ack["errors"]!["kdi:daily-calls"]!.GetValue<string>());

        await db.SetReachableAsync(true);
        Assert.Equal(0, await CheckInsAsync(db));
        var saved = await host.FormAsync(submission);

        Assert.Equal("clear", JsonNode.Parse(await saved.Content.ReadAsStringAsync())!["response_action"]!.GetValue<string>());
        Assert.Equal(1, await CheckInsAsync(db));
    }

    [Fact]
    public async Task ACommandSentWhileTheDatabaseIsAway_IsAnsweredSendItAgain_InThePersonsLanguage()
    {
        await using var db = (PostgresTestDatabase)await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var host = await SlackHost.StartAsync(db, Friday);
        host.Slack.AddUser(Sato, "sato@example.co.jp");
        await host.SlashAsync(Sato, "D0SATO", "help");

        var before = host.Slack.Of("response_url").Count;
        await db.SetReachableAsync(false);
        var response = await host.FormAsync(SlackPayloads.Slash(SlackHost.Team, Sato, "D0SATO", "status", host.Slack.ResponseUrl, "directmessage"));
        var ack = await response.Content.ReadAsStringAsync();
        for (var waited = 0; ack.Length == 0 && host.Slack.Of("response_url").Count == before && waited < 100; waited++)
        {
            await Task.Delay(100);
        }

        await db.SetReachableAsync(true);
        var answer = ack.Length > 0
            ? JsonNode.Parse(ack)!["text"]!.GetValue<string>()
            : host.Slack.Of("response_url")[before].Json["text"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("申し訳ありません。ただいまデータベースに接続できないため、保存・処理できませんでした。1分ほどしてから、もう一度送信してください。", answer);
    }

    private static async Task<int> CheckInsAsync(TestDatabase db)
    {
        await using var context = db.NewContext();
        return await context.CheckInEntries.CountAsync();
    }
}
