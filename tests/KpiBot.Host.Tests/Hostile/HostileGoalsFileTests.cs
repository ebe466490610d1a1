using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KpiBot.Storage;
using KpiBot.Testing;

namespace KpiBot.Host.Tests.Hostile;

/// <summary>
/// The hostile-input corpus for goals files, through <c>kpibot goals import</c>, each a test case named "Goals NN …":
/// malformed, huge, deeply nested, alias bombs, wrong encodings, things that are not files. Each exits 1 with a
/// message that names the file (and the line, when there is one), and imports nothing. Their time and memory are
/// measured in docs/reliability.md.
/// </summary>
public sealed partial class HostileGoalsFileTests(HostileGoalsFileTests.Fixture store) : IClassFixture<HostileGoalsFileTests.Fixture>
{
    public static TheoryData<string> Cases => [.. Corpus.Keys];

    private static readonly Dictionary<string, Func<string, byte[]>> Corpus = new()
    {
        ["Goals 01 empty file → line 1"] = _ => [],
        ["Goals 02 only spaces and newlines → line 1"] = _ => Utf8("   \n\n  \n"),
        ["Goals 03 random binary → line"] = _ => RandomBytes(4096),
        ["Goals 04 Shift_JIS names → line 2"] = _ => [.. Utf8("organization:\n  name: "), 0x8A, 0x94, 0x8E, 0xAE, .. Utf8("\nteams: []\npeople: []\n")],
        ["Goals 05 UTF-16 with a byte order mark → line 1"] = _ => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("organization:\n  name: Co\n")],
        ["Goals 06 20 MB → line 1"] = _ => Utf8("organization:\n  name: Huge\n#" + new string('x', 20 * 1024 * 1024)),
        ["Goals 07 a billion laughs alias bomb → line"] = _ => Utf8(AliasBomb()),
        ["Goals 08 5,000 nested flow lists → line"] = _ => Utf8("organization:\n  name: " + new string('[', 5000) + new string(']', 5000) + "\n"),
        ["Goals 09 5,000 nested block mappings → line"] = _ => Utf8("organization:\n" + string.Concat(Enumerable.Range(1, 5000).Select(i => new string(' ', i) + "k:\n"))),
        ["Goals 10 a list instead of a mapping → line 1"] = _ => Utf8("- organization\n- teams\n"),
        ["Goals 11 an unclosed quote → line"] = _ => Utf8("organization:\n  name: \"Broken Co.\nteams: []\n"),
        ["Goals 12 tabs for indentation → line"] = _ => Utf8("organization:\n\tname: Tabs\n"),
        ["Goals 13 an alias to no anchor → line"] = _ => Utf8("organization: *nowhere\nteams: []\npeople: []\n"),
        ["Goals 14 NUL bytes → line"] = _ => Utf8("organization:\n  name: Nul\0Co\nteams: []\npeople: []\n"),
        ["Goals 15 two documents → line 5"] = _ => Utf8("organization: { name: A }\nteams: []\npeople: []\n---\norganization: { name: B }\n"),
        ["Goals 16 a directory → read error"] = path => [],
        ["Goals 17 no such file → read error"] = path => [],
        ["Goals 18 /dev/zero → line 1"] = path => [],
        ["Goals 19 a 1 MB key → line"] = _ => Utf8("organization:\n  " + new string('k', 1024 * 1024) + ": x\n"),
        ["Goals 20 a merge key loop of 10,000 anchors → line"] = _ => Utf8(MergeChain()),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Refused_WithFileAndLine_NothingImported(string name)
    {
        var path = Path.Combine(store.Folder, $"case-{name[6..8]}.yaml");
        if (name.Contains("directory", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(path);
        }
        else if (name.Contains("/dev/zero", StringComparison.Ordinal))
        {
            path = "/dev/zero";
        }
        else if (!name.Contains("no such file", StringComparison.Ordinal))
        {
            await File.WriteAllBytesAsync(path, Corpus[name](path));
        }

        var run = await CliRunner.RunAsync(store.Db.Settings, "goals", "import", path, "--lang", "en");

        Assert.True(run.ExitCode == 1, run.ToString());
        var output = run.Output + run.Error;
        if (name.EndsWith("read error", StringComparison.Ordinal))
        {
            Assert.Contains($"Cannot read {path}", output, StringComparison.Ordinal);
        }
        else
        {
            var line = Regex.Match(output, Regex.Escape(path) + @":(\d+): error KPB\d{3}: ");
            Assert.True(line.Success, run.ToString());
            if (Regex.Match(name, @"line (\d+)$") is { Success: true } expected)
            {
                Assert.Equal(expected.Groups[1].Value, line.Groups[1].Value);
            }
        }

        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        Assert.Null(await store.CurrentVersionAsync());
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(13).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Nine levels of nine aliases each: 9^9 (387 million) strings if the aliases were expanded.</summary>
    private static string AliasBomb()
    {
        var yaml = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i <= 9; i++)
        {
            var previous = "*a" + (i - 1).ToString(CultureInfo.InvariantCulture);
            yaml.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [{string.Join(',', Enumerable.Repeat(previous, 9))}]\n");
        }

        return "organization:\n  name: Bomb\n" + yaml.Replace("a0:", "  a0:").ToString().Replace("\na", "\n  a", StringComparison.Ordinal);
    }

    /// <summary>Each mapping merges the one before it (<c>&lt;&lt;: *m</c>): quadratic if merges were expanded eagerly.</summary>
    private static string MergeChain()
    {
        var yaml = new StringBuilder("organization:\n  name: Merge\n  m0: &m0 { k0: v }\n");
        for (var i = 1; i < 10_000; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  m{i}: &m{i} {{ <<: *m{i - 1}, k{i}: v }}\n");
        }

        return yaml.ToString();
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public TestDatabase Db { get; private set; } = null!;

        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "kpibot-hostile-" + Guid.NewGuid().ToString("N"));

        public async Task InitializeAsync()
        {
            Db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
            Directory.CreateDirectory(Folder);
        }

        public async Task DisposeAsync()
        {
            await Db.DisposeAsync();
            Directory.Delete(Folder, recursive: true);
        }

        public async Task<long?> CurrentVersionAsync()
        {
            await using var db = Db.NewContext();
            return db.GoalImports.Any() ? db.GoalImports.Max(i => i.Version) : null;
        }
    }
}
