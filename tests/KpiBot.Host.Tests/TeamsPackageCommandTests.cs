using System.IO.Compression;
using System.Text.Json.Nodes;
using KpiBot.Host.Cli;

namespace KpiBot.Host.Tests;

/// <summary><c>kpibot teams package</c>: the zip holds the filled manifest, the icons and the Japanese strings; bad input is refused plainly.</summary>
public sealed class TeamsPackageCommandTests : IDisposable
{
    private const string AppId = "2f1c8e4a-6b3d-4e7f-9a10-5c2b7d8e9f01";
    private static readonly Dictionary<string, string?> NoSettings = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("kpibot-teams-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Out => Path.Combine(_folder, "app.zip");

    private static string Committed(string file) => Path.Combine(AppContext.BaseDirectory, "manifests", "teams", file);

    private static Dictionary<string, byte[]> Entries(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    private static JsonNode Json(byte[] content) => JsonNode.Parse(content)!;

    [Fact]
    public async Task Package_WritesTheManifestIconsAndJapaneseStrings_AtTheRoot_WithTheAppIdFilledIn()
    {
        var run = await CliRunner.RunAsync(NoSettings, "teams", "package", "--app-id", AppId.ToUpperInvariant(), "--out", Out, "--lang", "en");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(Out, run.Output, StringComparison.Ordinal);
        var entries = Entries(Out);
        Assert.Equal(["color.png", "ja-jp.json", "manifest.json", "outline.png"], entries.Keys.Order(StringComparer.Ordinal));
        var manifest = Json(entries["manifest.json"]);
        Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(TeamsAppPackage.BuildVersion(), manifest["version"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d+\.\d+$", manifest["version"]!.GetValue<string>());
        Assert.Equal("https://kpibot.example.com", manifest["developer"]!["websiteUrl"]!.GetValue<string>());
        Assert.All(entries.Where(e => e.Key.EndsWith(".json", StringComparison.Ordinal)),
            e => Assert.DoesNotContain("{{", System.Text.Encoding.UTF8.GetString(e.Value), StringComparison.Ordinal));
        Assert.Equal("KpiBot", Json(entries["ja-jp.json"])["name.short"]!.GetValue<string>());
        Assert.Equal(await File.ReadAllBytesAsync(Committed("color.png")), entries["color.png"]);
        Assert.Equal(await File.ReadAllBytesAsync(Committed("outline.png")), entries["outline.png"]);
    }

    [Fact]
    public async Task Package_WithANameVersionAndPage_UsesThemInEveryLanguage()
    {
        var run = await CliRunner.RunAsync(NoSettings, "teams", "package", "--app-id", AppId, "--out", Out,
            "--name", "営業KPI", "--app-version", "2.3.4", "--developer-url", "https://intranet.example.org/kpibot");

        Assert.True(run.ExitCode == 0, run.ToString());
        var entries = Entries(Out);
        var manifest = Json(entries["manifest.json"]);
        Assert.Equal("営業KPI", manifest["name"]!["short"]!.GetValue<string>());
        Assert.Equal("2.3.4", manifest["version"]!.GetValue<string>());
        Assert.Equal("https://intranet.example.org/kpibot", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        Assert.Equal("営業KPI", Json(entries["ja-jp.json"])["name.short"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("2f1c8e4a6b3d4e7f9a105c2b7d8e9f01")]
    [InlineData("{{TEAMS_APP_ID}}")]
    public async Task Package_WithAnAppIdThatIsNotAGuid_ExitsTwo_SayingWhatAnAppIdIs_AndWritesNothing(string appId)
    {
        var run = await CliRunner.RunAsync(NoSettings, "teams", "package", "--app-id", appId, "--out", Out, "--lang", "en");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"'{appId}' is not an app id", run.Error, StringComparison.Ordinal);
        Assert.Contains("Microsoft App ID", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out));
    }

    [Fact]
    public async Task Package_WithABadAppId_InJapanese_SaysSoInJapanese()
    {
        var run = await CliRunner.RunAsync(NoSettings, "teams", "package", "--app-id", "abc", "--out", Out, "--lang", "ja");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'abc' はアプリ ID ではありません", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--app-version", "1.2", "'1.2' is not an app version")]
    [InlineData("--app-version", "1.2.3-beta", "'1.2.3-beta' is not an app version")]
    [InlineData("--name", "A name far longer than thirty characters", "1 to 30 characters")]
    [InlineData("--developer-url", "http://intranet.example.org", "is not an https:// address")]
    public async Task Package_WithOtherBadArguments_ExitsTwo_AndSaysWhich(string option, string value, string message)
    {
        var run = await CliRunner.RunAsync(NoSettings, "teams", "package", "--app-id", AppId, "--out", Out, option, value, "--lang", "en");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out));
    }

    [Fact]
    public async Task Package_FromAFolderWithoutAManifest_ExitsOne_NamingWhereItLooked()
    {
        var run = await CliRunner.RunAsync(NoSettings, "teams", "package", "--app-id", AppId, "--out", Out, "--manifest-dir", _folder, "--lang", "en");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(Path.Combine(_folder, "manifest.json"), run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_WhenTheManifestNamesAMissingIconOrAnUnknownToken_ExitsOne_AndSaysSo()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Committed("manifest.json")))!;
        await File.WriteAllTextAsync(Path.Combine(_folder, "manifest.json"), manifest.ToJsonString());

        var missing = await CliRunner.RunAsync(NoSettings, "teams", "package", "--app-id", AppId, "--out", Out, "--manifest-dir", _folder, "--lang", "en");

        Assert.True(missing.ExitCode == 1, missing.ToString());
        Assert.Contains("names color.png, which is not a file in", missing.Error, StringComparison.Ordinal);

        manifest["accentColor"] = "{{ACCENT}}";
        await File.WriteAllTextAsync(Path.Combine(_folder, "manifest.json"), manifest.ToJsonString());
        var token = await CliRunner.RunAsync(NoSettings, "teams", "package", "--app-id", AppId, "--out", Out, "--manifest-dir", _folder, "--lang", "en");

        Assert.True(token.ExitCode == 1, token.ToString());
        Assert.Contains("{{ACCENT}}", token.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out));
    }

    [Theory]
    [InlineData("1.0.0+3f2a9c1", "1.0.0")]
    [InlineData("2.10.3-beta.1+abc", "2.10.3")]
    [InlineData("1.2", null)]
    [InlineData("01.2.3", null)]
    [InlineData(null, null)]
    public void Version_IsTheThreeNumberCore_OfTheInformationalVersion(string? informational, string? expected) =>
        Assert.Equal(expected, TeamsAppPackage.ParseVersion(informational));
}
