using KpiBot.Core.Delivery;
using KpiBot.Host.Jobs;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Fakes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Host.Tests.Slack;

/// <summary>
/// The weekly digest's chart on Slack: the digest message, then the chart's PNG shared in the same channel through
/// files.getUploadURLExternal, the upload URL and files.completeUploadExternal — as a part of the digest's delivery
/// of its own, so a retried upload never posts the digest or the chart twice.
/// </summary>
public sealed class SlackDigestChartTests
{
    // Friday 2026-11-27 14:00 UTC; the digest of the week from Monday the 23rd goes out Monday the 30th, 09:00 in Tokyo.
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 0, 5, 0, TimeSpan.Zero);
    private const string Yamamoto = "U0YAMAMOTO";
    private const string DigestKey = "Digest:sales:2026-11-23";
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task TheDigest_IsFollowedByItsChart_UploadedAndSharedInTheTeamChannel(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await SlackHost.StartAsync(db, Friday);
        var slack = await LinkedSalesAsync(host);

        var row = await SendDigestAsync(host);

        Assert.Equal((DeliveryState.Sent, 1), (row.State, row.Attempts));
        var digest = Assert.Single(slack.Of("chat.postMessage"), c => c.Json["channel"]!.GetValue<string>() == "C0SALES");
        Assert.StartsWith("週次ダイジェスト — 営業部", digest.Json["text"]!.GetValue<string>(), StringComparison.Ordinal);

        var ask = Form(Assert.Single(slack.Of("files.getUploadURLExternal")));
        Assert.Equal("kpibot-sales-2026-11-23.png", ask["filename"]);
        Assert.Contains("年間売上1億円", ask["alt_txt"], StringComparison.Ordinal);
        var upload = Assert.Single(slack.Uploads);
        Assert.Equal(PngSignature, upload.Value.Content[..8]);
        Assert.Equal(ask["length"], upload.Value.Content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(string.Empty, Assert.Single(slack.Of("file_upload")).Authorization);   // the upload URL is the credential: no token sent there

        var complete = Form(Assert.Single(slack.Of("files.completeUploadExternal")));
        Assert.Equal("C0SALES", complete["channel_id"]);
        var file = System.Text.Json.Nodes.JsonNode.Parse(complete["files"])!.AsArray().Single()!;
        Assert.Equal(upload.Key, file["id"]!.GetValue<string>());
        Assert.Contains("年間売上1億円", file["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("1. 年間売上1億円", complete["initial_comment"], StringComparison.Ordinal);   // the caption names the numbered bars
        Assert.Equal("Bearer xoxb-e2e", slack.Of("files.completeUploadExternal")[0].Authorization);
        Assert.True(slack.Calls.ToList().FindIndex(c => c == digest) < slack.Calls.ToList().FindIndex(c => c.Method == "files.completeUploadExternal"),
            "The chart follows the digest.");
    }

    [Fact]
    public async Task AnUploadRefusedWithA429_IsRetried_WithoutPostingTheDigestOrTheChartTwice()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await SlackHost.StartAsync(db, Friday);
        var slack = await LinkedSalesAsync(host);
        // Slack refuses the first share (rate limited for a second): nothing was shared, the chart part is retried.
        slack.Answer("files.completeUploadExternal", 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: "1");

        var row = await SendDigestAsync(host);

        Assert.Equal((DeliveryState.Sent, 2), (row.State, row.Attempts));
        Assert.Single(slack.Of("chat.postMessage"), c => c.Json["channel"]!.GetValue<string>() == "C0SALES");   // the digest once
        Assert.Equal(2, slack.Of("files.completeUploadExternal").Count);                                          // refused, then shared
        Assert.Equal(2, slack.Uploads.Count);                                                                     // a fresh upload for the retry

        // The send job run again for the finished row: nothing more reaches the channel.
        var calls = slack.Calls.Count;
        await host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<SendDeliveryBatchJob>().RunAsync([row.Id], CancellationToken.None);
            return true;
        });
        Assert.Equal(calls, slack.Calls.Count);
    }

    /// <summary>The admin links #sales to the sales team.</summary>
    private static async Task<FakeSlackApi> LinkedSalesAsync(SlackHost host)
    {
        host.Slack.AddUser(Yamamoto, "yamamoto@example.co.jp");
        await host.SlashAsync(Yamamoto, "C0SALES", "link sales", "sales");
        return host.Slack;
    }

    /// <summary>Monday morning: the dispatcher claims the digest and it is sent (with any retry); the finished row.</summary>
    private static async Task<DeliveryRecord> SendDigestAsync(SlackHost host)
    {
        host.Time.SetUtcNow(Monday);
        await host.InScopeAsync(s => s.GetRequiredService<Dispatcher>().RunAsync(CancellationToken.None));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var row = await host.InScopeAsync(s => s.GetRequiredService<IDeliveryStore>().FindAsync(DigestKey, timeout.Token));
            if (row is not null && !row.State.IsInProgress())
            {
                return row;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    private static Dictionary<string, string> Form(RecordedCall call) =>
        QueryHelpers.ParseQuery(call.Body).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
}
