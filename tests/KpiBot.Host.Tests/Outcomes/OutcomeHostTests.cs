using KpiBot.Host.Hosting;
using KpiBot.Host.Tests.Slack;
using KpiBot.Host.Tests.Teams;
using KpiBot.Storage;
using KpiBot.Testing;
using static KpiBot.Host.Tests.Teams.TeamsActivities;

namespace KpiBot.Host.Tests.Outcomes;

/// <summary>
/// A result reported in Slack, in Teams and on the command line moves the KGI in status, the digest and
/// <c>goals tree</c>, with the estimate still shown beside the reported actual — on SQLite and PostgreSQL.
/// (Pushed by the API: <c>ApiWriteTests</c>; through Slack's modal and Teams' card: <c>ReportFormHostTests</c>.)
/// The sample: 田中 made 40 calls (estimate 2 meetings → ¥300,000 of new sales); the lead 佐藤 reports
/// ¥1,200,000 of new sales for November. The KGI 年間売上1億円 = new sales + repeat sales.
/// </summary>
public abstract class OutcomeHostTests(StorageProvider provider) : TeamsHostFixture(provider, now: Friday)
{
    // Friday 2026-11-27 14:00 UTC: 23:00 in Tokyo.
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);
    internal const string Kgi = "¥1,200,000 / ¥100,000,000";
    internal const string Estimate = "報告値 · 推計 ¥300,000";

    internal static async Task<TestDatabase> ImportedWithCallsAsync(StorageProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await ImportWithCallsAsync(db);
        return db;
    }

    /// <summary>The sample goals imported into <paramref name="db"/>, and 田中's 40 calls of Thursday 26 November.</summary>
    internal static async Task ImportWithCallsAsync(TestDatabase db)
    {
        var import = await CliRunner.RunAsync(db.Settings, "goals", "import", KpiBotConfiguration.SampleGoalsPath);
        Assert.True(import.ExitCode == 0, import.ToString());
        var calls = await CliRunner.RunAsync(db.Settings,
            "checkin", "add", "--person", "tanaka@example.co.jp", "--kdi", "daily-calls", "--day", "2026-11-26", "--value", "40");
        Assert.True(calls.ExitCode == 0, calls.ToString());
    }

    /// <summary><c>goals tree</c> on the same store: the KGI moved, and new sales show the estimate beside the report.</summary>
    internal static async Task AssertTreeAsync(TestDatabase db)
    {
        var tree = await CliRunner.RunAsync(db.Settings, "goals", "tree", "--team", "sales", "--as-of", "2026-11-27", "--lang", "ja");
        Assert.True(tree.ExitCode == 0, tree.ToString());
        var lines = tree.Output.Split('\n');
        Assert.Contains(lines, l => l.Contains("KGI 年間売上1億円", StringComparison.Ordinal) && l.Contains(Kgi, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("新規顧客の売上", StringComparison.Ordinal)
            && l.Contains("¥1,200,000 / ", StringComparison.Ordinal) && l.Contains(Estimate, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportedOnTheCommandLine_MovesTheKgi_InStatusDigestAndTree()
    {
        await ImportWithCallsAsync(Db);

        var report = await CliRunner.RunAsync(Db.Settings,
            "report", "--goal", "new-sales", "--value", "1200000", "--day", "2026-11-20", "--lang", "en");
        var again = await CliRunner.RunAsync(Db.Settings,
            "report", "--goal", "new-sales", "--value", "1200000", "--day", "2026-11-02", "--lang", "en");
        var bad = await CliRunner.RunAsync(Db.Settings,
            "report", "--goal", "daily-calls", "--value", "3", "--day", "2026-11-20", "--lang", "en");

        Assert.True(report.ExitCode == 0, report.ToString());
        Assert.StartsWith("Recorded ¥1,200,000 for 新規顧客の売上, November 2026.", report.Output, StringComparison.Ordinal);
        Assert.Contains("年間売上1億円 now: " + Kgi, report.Output, StringComparison.Ordinal);
        Assert.StartsWith("新規顧客の売上, November 2026, was already ¥1,200,000", again.Output, StringComparison.Ordinal);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("takes no reported actual", bad.Error, StringComparison.Ordinal);
        await AssertTreeAsync(Db);

        // The lead asks in chat afterwards: status and the digest carry the result typed on the server.
        await using var host = await SlackHost.StartAsync(Db, Friday);
        host.AddSato();
        var status = await host.SatoAsync("status");
        var digest = await host.SatoAsync("digest");
        Assert.Contains(Kgi, status, StringComparison.Ordinal);
        Assert.Contains(Estimate, status, StringComparison.Ordinal);
        Assert.Contains(Kgi, digest, StringComparison.Ordinal);
        Assert.Contains(Estimate, digest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportedInSlack_MovesTheKgi_InStatusDigestAndTree()
    {
        await ImportWithCallsAsync(Db);
        await using var host = await SlackHost.StartAsync(Db, Friday);
        host.AddSato();

        var receipt = await host.SatoAsync("report 新規 ¥1,200,000 2026-11-20");
        var status = await host.SatoAsync("status");
        var digest = await host.SatoAsync("digest");

        Assert.StartsWith("新規顧客の売上（2026年11月）の実績 ¥1,200,000 を記録しました。", receipt, StringComparison.Ordinal);
        Assert.Contains(Kgi, status, StringComparison.Ordinal);
        Assert.Contains(Estimate, status, StringComparison.Ordinal);
        Assert.Contains("年間売上1億円: 累計（期限 2027年3月31日） " + Kgi, digest, StringComparison.Ordinal);
        Assert.Contains(Estimate, digest, StringComparison.Ordinal);
        await AssertTreeAsync(Db);
    }

    [Fact]
    public async Task ReportedInTeams_MovesTheKgi_InStatusDigestAndTree()
    {
        await ImportWithCallsAsync(Db);
        await using var host = StartHost();
        await InstallAsync(host);

        var receipt = Text(await SayAsync(host, "sato", "report new-sales 1,200,000 2026-11-20", "m-report"));
        var status = Text(await SayAsync(host, "sato", "status", "m-status"));
        var digest = Text(await SayAsync(host, "sato", "digest", "m-digest"));

        Assert.Contains("新規顧客の売上（2026年11月）の実績 ¥1,200,000 を記録しました。", receipt, StringComparison.Ordinal);
        Assert.Contains(Kgi, status, StringComparison.Ordinal);
        Assert.Contains(Estimate, status, StringComparison.Ordinal);
        Assert.Contains(Kgi, digest, StringComparison.Ordinal);
        Assert.Contains(Estimate, digest, StringComparison.Ordinal);
        await AssertTreeAsync(Db);
    }
}

public sealed class SqliteOutcomeHostTests() : OutcomeHostTests(StorageProvider.Sqlite);

public sealed class PostgresOutcomeHostTests() : OutcomeHostTests(StorageProvider.Postgres);
