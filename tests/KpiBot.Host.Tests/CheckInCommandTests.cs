using KpiBot.Storage;
using KpiBot.Host.Hosting;
using KpiBot.Testing;

namespace KpiBot.Host.Tests;

public class CheckInCommandTests
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
    public async Task Add_RecordsOnce_ThenUpdates_AndTheTreeShowsIt(StorageProvider provider)
    {
        await using var db = await ImportedAsync(provider);
        string[] add = ["checkin", "add", "--person", SampleFacts.RepEmail, "--kdi", SampleFacts.CallsKdi, "--day", "2026-11-26", "--lang", "en"];

        var first = await CliRunner.RunAsync(db.Settings, [.. add, "--value", "27"]);
        var again = await CliRunner.RunAsync(db.Settings, [.. add, "--value", "27"]);
        var changed = await CliRunner.RunAsync(db.Settings, [.. add, "--value", "31", "--note", "two callbacks"]);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith("Saved: 27 calls on 2026-11-26.", first.Output, StringComparison.Ordinal);   // ISO dates on the command line
        Assert.StartsWith("Unchanged", again.Output, StringComparison.Ordinal);
        Assert.Contains("revision 2", changed.Output, StringComparison.Ordinal);

        var tree = await CliRunner.RunAsync(db.Settings, "goals", "tree", "--team", SampleFacts.RepTeam, "--as-of", "2026-11-26", "--lang", "en");
        Assert.True(tree.ExitCode == 0, tree.ToString());
        Assert.StartsWith("As of 2026-11-26", tree.Output, StringComparison.Ordinal);
        Assert.Contains(tree.Output.Split('\n'), l => l.Contains(SampleFacts.CallsKdiTitle, StringComparison.Ordinal) && l.Contains("31", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2999-01-01", "27", "in the future")]
    [InlineData("2026-11-26", "-3", "0 or more")]
    [InlineData("2026-11-26", "1.23456", "4 decimal places")]
    [InlineData("2026-11-26", "100000", "10 times")]
    [InlineData("2026-11-26", "2.5", "calls are counted in whole numbers")]
    public async Task Add_BadInput_IsRefusedWithAReason_AndNothingIsStored(string day, string value, string reason)
    {
        await using var db = await ImportedAsync();

        var run = await CliRunner.RunAsync(db.Settings,
            "checkin", "add", "--person", SampleFacts.RepEmail, "--kdi", SampleFacts.CallsKdi, "--day", day, "--value", value, "--lang", "en");
        var probe = await CliRunner.RunAsync(db.Settings,
            "checkin", "add", "--person", SampleFacts.RepEmail, "--kdi", SampleFacts.CallsKdi, "--day", "2026-11-26", "--value", "5", "--lang", "en");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        Assert.StartsWith("Saved", probe.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_UnknownPerson_OrNotANumber_IsRefused()
    {
        await using var db = await ImportedAsync();

        var stranger = await CliRunner.RunAsync(db.Settings,
            "checkin", "add", "--person", "nobody@example.com", "--kdi", SampleFacts.CallsKdi, "--day", "2026-11-26", "--value", "3", "--lang", "en");
        var text = await CliRunner.RunAsync(db.Settings,
            "checkin", "add", "--person", SampleFacts.RepEmail, "--kdi", SampleFacts.CallsKdi, "--day", "2026-11-26", "--value", "many");

        Assert.Equal(1, stranger.ExitCode);
        Assert.Contains("nobody@example.com", stranger.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, text.ExitCode);
        Assert.Contains("'many' is not a number", text.Error, StringComparison.Ordinal);
    }
}

/// <summary>Facts of samples/goals.yaml that the tests rely on.</summary>
internal static class SampleFacts
{
    public const string RepEmail = "tanaka@example.co.jp";
    public const string RepTeam = "sales";
    public const string CallsKdi = "daily-calls";
    public const string CallsKdiTitle = "架電数/日";
}
