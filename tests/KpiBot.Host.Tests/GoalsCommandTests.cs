using KpiBot.Storage;
using KpiBot.Host.Hosting;
using KpiBot.Testing;

namespace KpiBot.Host.Tests;

public class GoalsCommandTests
{
    private static readonly string Sample = KpiBotConfiguration.SampleGoalsPath;

    [Fact]
    public async Task Validate_Sample_ExitsZero_AndPrintsTheFeasibilityArithmetic()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var run = await CliRunner.RunAsync(db.Settings, "goals", "validate", Sample, "--lang", "en");

        Assert.True(run.ExitCode == 0, run.ToString());
        var warning = Assert.Single(run.Output.Split('\n'), l => l.Contains("dormant-calls", StringComparison.Ordinal) && l.Contains("warning", StringComparison.Ordinal));
        Assert.Contains("goals.yaml:", warning, StringComparison.Ordinal);
        Assert.Contains("10,000", warning, StringComparison.Ordinal);
        Assert.Contains("3 reps × 30", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenFile_ListsEveryErrorWithItsLine_AndExitsOne()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, """
            organization:
              name: Broken Co.
            teams:
              - id: sales
                name: Sales
                time_zone: Mars/Olympus_Mons
            people:
              - id: ann
                name: Ann
                email: ann@example.com
                role: rep
                team: nowhere
            kgis:
              - id: sales-total
                title: Sales
                target: -5
                unit: JPY
                start: 2026-04-01
                deadline: 2027-03-31
                owner: sales
            """);
        try
        {
            var run = await CliRunner.RunAsync(db.Settings, "goals", "validate", file, "--lang", "en");

            Assert.True(run.ExitCode == 1, run.ToString());
            var name = Path.GetFileName(file);
            Assert.Contains(run.Output.Split('\n'), l => l.Contains($"{name}:6:", StringComparison.Ordinal) && l.Contains("Mars/Olympus_Mons", StringComparison.Ordinal));
            Assert.Contains(run.Output.Split('\n'), l => l.Contains($"{name}:12:", StringComparison.Ordinal) && l.Contains("nowhere", StringComparison.Ordinal));
            Assert.Contains(run.Output.Split('\n'), l => l.Contains($"{name}:16:", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Validate_MissingFile_SaysSo_AndExitsOne()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var run = await CliRunner.RunAsync(db.Settings, "goals", "validate", "/nonexistent/goals.yaml", "--lang", "en");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("/nonexistent/goals.yaml", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Import_ThenTree_PrintsTheSampleTreeWithBranches(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var import = await CliRunner.RunAsync(db.Settings, "goals", "import", Sample, "--lang", "en");
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("Imported", import.Output, StringComparison.Ordinal);

        var tree = await CliRunner.RunAsync(db.Settings, "goals", "tree", "--as-of", "2026-11-27", "--lang", "ja");
        Assert.True(tree.ExitCode == 0, tree.ToString());
        Assert.Contains("KGI 年間売上1億円", tree.Output, StringComparison.Ordinal);
        Assert.Contains("¥100,000,000", tree.Output, StringComparison.Ordinal);
        Assert.Contains("├─", tree.Output, StringComparison.Ordinal);
        Assert.Contains("└─", tree.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tree_OnAnEmptyStore_SaysHowToImport()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var run = await CliRunner.RunAsync(db.Settings, "goals", "tree", "--lang", "en");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("kpibot goals import", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tree_ForAnUnknownTeam_ListsTheTeams()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        Assert.Equal(0, (await CliRunner.RunAsync(db.Settings, "goals", "import", Sample)).ExitCode);

        var run = await CliRunner.RunAsync(db.Settings, "goals", "tree", "--team", "nope", "--lang", "en");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'nope'", run.Error, StringComparison.Ordinal);
        Assert.Contains("sales", run.Error, StringComparison.Ordinal);
    }
}
