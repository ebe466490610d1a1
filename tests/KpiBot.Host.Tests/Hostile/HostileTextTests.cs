using System.Net;
using System.Text.Json.Nodes;
using KpiBot.Host.Tests.Slack;
using KpiBot.Slack;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Host.Tests.Hostile;

/// <summary>
/// The hostile-input corpus for free text, each a test case named "Text NN …": a rep's check-in note sent as a
/// blocker carries SQL, HTML, Slack mentions and control characters. It is stored exactly as typed (parameters,
/// never SQL text), the check-in beside it is intact, and the lead's notice shows it as text: no mention, link or
/// markup of Slack's reaches the lead unescaped.
/// </summary>
public sealed class HostileTextTests
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);
    private const string Emily = "U0EMILY";

    public static TheoryData<string> Cases => [.. Corpus.Keys];

    private static readonly Dictionary<string, string> Corpus = new()
    {
        ["Text 01 SQL that ends the statement"] = "'); DROP TABLE blockers; --",
        ["Text 02 SQL always-true"] = "x' OR '1'='1",
        ["Text 03 HTML script"] = "<script>alert(1)</script>",
        ["Text 04 Slack channel mention"] = "<!channel> everyone look",
        ["Text 05 Slack here and everyone"] = "<!here> <!everyone>",
        ["Text 06 Slack user mention and link"] = "<@U0SATO> see <https://evil.example|the docs>",
        ["Text 07 Teams mention markup"] = "<at>Sato</at> please",
        ["Text 08 ampersands and entities"] = "R&D &lt;b&gt; &amp;",
        ["Text 09 control characters and RTL override"] = "line\u0000nul \u202Eevil\u202C\u0007",
        ["Text 10 Japanese with emoji and brackets"] = "困りごと🙏 「至急」",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task StoredAsTyped_NoticeShowsItAsText(string name)
    {
        var note = Corpus[name];
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var host = await SlackHost.StartAsync(db, Friday);
        var metadata = await host.OpenEmilysDailyCheckInAsync();

        var values = new Dictionary<string, string?> { ["kdi:daily-calls"] = "18" };
        var submitted = await host.FormAsync(SlackPayloads.Submission(SlackHost.Team, Emily, metadata, values, note, blocker: true));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var notice = await NoticeAsync(host);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<KpiBotDbContext>();
            var stored = Assert.Single(await context.Blockers.ToListAsync());
            Assert.True(stored.Note == note || stored.Note == Expected(note), $"stored: {stored.Note}");
            Assert.Equal(1, await context.CheckInEntries.CountAsync());
        }

        var text = notice["text"]!.GetValue<string>() + notice["blocks"]?.ToJsonString();
        foreach (var raw in new[] { "<!channel>", "<!here>", "<!everyone>", "<@U0SATO>", "<https://", "<script>" })
        {
            Assert.DoesNotContain(raw, text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri("/healthz", UriKind.Relative)))).StatusCode);
    }

    /// <summary>What may be kept instead of the text as typed: without NUL, which PostgreSQL cannot keep in text.</summary>
    private static string Expected(string note) => note.Replace("\u0000", string.Empty, StringComparison.Ordinal);

    private static async Task<JsonNode> NoticeAsync(SlackHost host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            await host.SettleAsync();
            var notice = host.Slack.Of("chat.postMessage").Select(c => c.Json)
                .FirstOrDefault(j => j["channel"]!.GetValue<string>() == "DU0SATO" && j["text"]!.GetValue<string>().Contains("困りごと", StringComparison.Ordinal));
            if (notice is not null)
            {
                return notice;
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
