using System.Net;
using System.Text.Json.Nodes;
using KpiBot.Core.Delivery;
using KpiBot.Host.Jobs;
using KpiBot.Slack;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Host.Tests.Slack;

/// <summary>A lead's notice of a new blocker goes out as a delivery row, like a prompt: retried after a 429, never sent twice.</summary>
public sealed class SlackNoticeTests
{
    // Friday 2026-11-27 14:00 UTC: 23:00 in Tokyo, 09:00 in New York (Emily, English).
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);
    private const string Emily = "U0EMILY";

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task ABlockerNotice_IsADeliveryRow_RetriedOnceAfterA429_AndNeverSentTwice(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await SlackHost.StartAsync(db, Friday);
        var slack = host.Slack;
        var metadata = await host.OpenEmilysDailyCheckInAsync();

        // Slack answers the next message with 429 (retry after 1 s): that is the notice to the lead.
        slack.Answer("chat.postMessage", 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: "1");
        var values = new Dictionary<string, string?> { ["kdi:daily-calls"] = "18" };
        var submitted = await host.FormAsync(SlackPayloads.Submission(SlackHost.Team, Emily, metadata, values, "Client away", blocker: true));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var row = await FinishedAsync(host, "BlockerNotice:emily:2026-11-27");

        var told = NoticesTo(slack, "DU0SATO");
        Assert.Equal(2, told.Count);                                    // the refused one, then the one delivered
        Assert.Equal("Emily Carterさんが11月27日（金）に困りごとを報告しました：Client away", told[1]["text"]!.GetValue<string>());
        Assert.Equal((DeliveryState.Sent, 2), (row.State, row.Attempts));

        // The same blocker sent again from the card, and the send job run again: nothing more reaches the lead.
        await host.FormAsync(SlackPayloads.Submission(SlackHost.Team, Emily, metadata, values, "Client away", blocker: true));
        await host.SettleAsync();
        await host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<SendDeliveryBatchJob>().RunAsync([row.Id], CancellationToken.None);
            return true;
        });
        Assert.Equal(2, NoticesTo(slack, "DU0SATO").Count);
    }

    /// <summary>The delivery once it is final (its retry is a job scheduled a second later).</summary>
    private static async Task<DeliveryRecord> FinishedAsync(SlackHost host, string key)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var row = await host.InScopeAsync(s => s.GetRequiredService<IDeliveryStore>().FindAsync(key, timeout.Token));
            if (row is not null && !row.State.IsInProgress())
            {
                return row;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    private static List<JsonNode> NoticesTo(FakeSlackApi slack, string channel) =>
        [.. slack.Of("chat.postMessage").Select(c => c.Json).Where(j => j["channel"]!.GetValue<string>() == channel && j["text"]!.GetValue<string>().Contains("困りごと", StringComparison.Ordinal))];
}
