using System.Diagnostics;
using System.Text;
using KpiBot.Host.Hosting;
using KpiBot.Storage;
using KpiBot.Testing;

namespace KpiBot.Host.Tests;

/// <summary>The real executable in a child process: exit codes and UTF-8 output whatever the terminal's locale.</summary>
public class ProcessTests
{
    private static async Task<(int Exit, string Output)> RunKpibotAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kpibot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A terminal with no locale: the program must still write UTF-8.
        start.Environment["LANG"] = "C";
        start.Environment["LC_ALL"] = "C";
        start.Environment.Remove("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT");
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task ImportAndTree_InAChildProcess_PrintJapaneseAndYenAsUtf8()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        var import = await RunKpibotAsync(db.Settings, "goals", "import", KpiBotConfiguration.SampleGoalsPath, "--lang", "ja");
        var tree = await RunKpibotAsync(db.Settings, "goals", "tree", "--as-of", "2026-11-27", "--lang", "ja");

        Assert.True(import.Exit == 0, import.Output);
        Assert.Contains("バージョン 1 として取り込みました", import.Output, StringComparison.Ordinal);
        Assert.True(tree.Exit == 0, tree.Output);
        Assert.Contains("KGI 年間売上1億円", tree.Output, StringComparison.Ordinal);
        Assert.Contains("¥0 / ¥100,000,000", tree.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ABrokenFile_ExitsOne()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "organization:\n  name: [unclosed\n");
        try
        {
            var run = await RunKpibotAsync(db.Settings, "goals", "validate", file, "--lang", "en");

            Assert.Equal(1, run.Exit);
            Assert.Contains($"{Path.GetFileName(file)}:", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
