using KpiBot.Host.Hosting;
using KpiBot.Storage;
using KpiBot.Testing;

namespace KpiBot.Host.Tests;

/// <summary><c>kpibot report</c>: a result reported on the server moves the KGI in <c>goals tree</c>, the estimate still shown.</summary>
public class ReportCommandTests
{
    private static async Task<TestDatabase> ImportedAsync(StorageProvider provider = StorageProvider.Sqlite)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var import = await CliRunner.RunAsync(db.Settings, "goals", "import", KpiBotConfiguration.SampleGoalsPath);
        Assert.True(import.ExitCode == 0, import.ToString());
        return db;
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Report_MovesTheKgi_InTheTree_WithTheEstimateShown(StorageProvider provider)
    {
        await using var db = await ImportedAsync(provider);
        string[] report = ["report", "--goal", "new-sales", "--day", "2026-11-20", "--lang", "en"];

        var first = await CliRunner.RunAsync(db.Settings, [.. report, "--value", "1200000"]);
        var changed = await CliRunner.RunAsync(db.Settings, [.. report, "--value", "1500000", "--note", "late invoice"]);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith("Recorded ¥1,200,000 for 新規顧客の売上, November 2026.", first.Output, StringComparison.Ordinal);
        Assert.True(changed.ExitCode == 0, changed.ToString());
        Assert.Contains("was ¥1,200,000", changed.Output, StringComparison.Ordinal);
        Assert.Contains("年間売上1億円 now: ¥1,500,000 / ¥100,000,000", changed.Output, StringComparison.Ordinal);

        var tree = await CliRunner.RunAsync(db.Settings, "goals", "tree", "--team", "sales", "--as-of", "2026-11-27", "--lang", "en");
        Assert.True(tree.ExitCode == 0, tree.ToString());
        var lines = tree.Output.Split('\n');
        Assert.Contains(lines, l => l.Contains("年間売上1億円", StringComparison.Ordinal) && l.Contains("¥1,500,000", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("新規顧客の売上", StringComparison.Ordinal)
            && l.Contains("¥1,500,000", StringComparison.Ordinal) && l.Contains("(reported · estimate ¥0)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("daily-calls", "100", "2026-11-20", "takes no reported actual")]
    [InlineData("new-sales", "-5", "2026-11-20", "0 or more")]
    [InlineData("new-sales", "100", "2999-01-01", "in the future")]
    [InlineData("new-sales", "100", "2025-01-01", "before")]
    public async Task Report_BadInput_IsRefusedWithAReason_AndNothingIsStored(string goal, string value, string day, string reason)
    {
        await using var db = await ImportedAsync();

        var run = await CliRunner.RunAsync(db.Settings, "report", "--goal", goal, "--value", value, "--day", day, "--lang", "en");
        var probe = await CliRunner.RunAsync(db.Settings, "report", "--goal", "new-sales", "--value", "7", "--day", "2026-11-20", "--lang", "en");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        Assert.StartsWith("Recorded ¥7 ", probe.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_PerPersonGoal_NeedsWhose_AndTakesItByEmail()
    {
        await using var db = await ImportedAsync();

        var nobody = await CliRunner.RunAsync(db.Settings, "report", "--goal", "meetings", "--value", "3", "--day", "2026-11-20", "--lang", "en");
        var tanaka = await CliRunner.RunAsync(db.Settings,
            "report", "--goal", "meetings", "--value", "3", "--day", "2026-11-20", "--person", "tanaka@example.co.jp", "--lang", "en");

        Assert.Equal(1, nobody.ExitCode);
        Assert.Contains("is reported per person", nobody.Error, StringComparison.Ordinal);
        Assert.True(tanaka.ExitCode == 0, tanaka.ToString());
        Assert.StartsWith("Recorded 3 meetings for 商談 30件/月, the week of 2026-11-16.", tanaka.Output, StringComparison.Ordinal);
    }
}
