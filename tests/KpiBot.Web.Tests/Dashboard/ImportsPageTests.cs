using System.Net;
using System.Text.RegularExpressions;
using KpiBot.Host.Goals;
using KpiBot.Storage;
using KpiBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Web.Tests.Dashboard;

/// <summary>The "Goals file" page: the import history (when, by whom, which file, what changed), for leads and admins.</summary>
public partial class ImportsPageTests
{
    private const string Sato = "sato@example.co.jp";       // lead of sales, Japanese
    private const string Tanaka = "tanaka@example.co.jp";   // rep of sales

    [Fact]
    public async Task TheGoalsFileLink_OpensTheImportHistory_WithWhoAndWhatChanged()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await DashboardHost.StartAsync(db);
        await ImportChangedSampleAsync(host, "yamada@example.co.jp");
        using var lead = await host.SignedInAsync(Sato);

        // The nav's link, as the lead's pages show it.
        var tree = await (await lead.GetAsync(new Uri("/dashboard/teams/sales", UriKind.Relative))).Content.ReadAsStringAsync();
        var href = NavLinkPattern().Match(tree);
        Assert.True(href.Success, "The lead's pages have no goals-file link.");
        var response = await lead.GetAsync(new Uri(href.Groups[1].Value, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>目標ファイルの取り込み履歴</h1>", html, StringComparison.Ordinal);
        var versions = VersionPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["2", "1"], versions);   // newest first

        var second = Item(html, "2");
        Assert.Contains("実行者: yamada@example.co.jp", second, StringComparison.Ordinal);
        Assert.Contains("2026/11/27 18:00", second, StringComparison.Ordinal);   // 09:00 UTC in Tokyo, as a Japanese reader writes it
        Assert.Contains("goals.yaml", second, StringComparison.Ordinal);
        Assert.Equal("架電数/日: 1日あたり 20 → 1日あたり 25", Change(second, "data-target=\"daily-calls\""));
        Assert.Equal("KDI「SNS投稿 2回/週」をアーカイブ", Change(second, "data-archived=\"sns-posts\""));
        Assert.DoesNotContain("data-added=", second, StringComparison.Ordinal);

        var first = Item(html, "1");
        Assert.Contains("実行者: startup", first, StringComparison.Ordinal);
        Assert.Contains("data-added=\"daily-calls\"", first, StringComparison.Ordinal);
        Assert.Equal("架電数/日: 1日あたり 20", Change(first, "data-target=\"daily-calls\""));
    }

    [Fact]
    public async Task ARep_IsRefusedTheImportHistory_AndSeesNoLinkToIt()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await DashboardHost.StartAsync(db);
        using var rep = await host.SignedInAsync(Tanaka);

        var tree = await (await rep.GetAsync(new Uri("/dashboard/teams/sales", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.DoesNotMatch(NavLinkPattern(), tree);
        var response = await rep.GetAsync(new Uri("/dashboard/imports", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("data-version", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Imports the sample file again with daily-calls' target raised from 20 to 25 and sns-posts removed.</summary>
    private static async Task ImportChangedSampleAsync(DashboardHost host, string by)
    {
        var sample = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "samples", "goals.yaml"));
        var raised = sample.Replace("    title: 架電数/日\n    kpi: meetings\n    target: 20\n", "    title: 架電数/日\n    kpi: meetings\n    target: 25\n", StringComparison.Ordinal);
        Assert.NotEqual(sample, raised);
        var start = raised.IndexOf("  - id: sns-posts\n", StringComparison.Ordinal);
        var end = raised.IndexOf("\n  - ", start + 1, StringComparison.Ordinal);
        var changed = end < 0 ? raised[..start] : raised[..start] + raised[(end + 1)..];
        var dir = Directory.CreateTempSubdirectory("kpibot-goals-");
        try
        {
            var path = Path.Combine(dir.FullName, "goals.yaml");
            await File.WriteAllTextAsync(path, changed);
            await using var scope = host.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<GoalsFileService>().ImportAsync(path, by, CancellationToken.None);
            Assert.True(outcome.Import is not null, "The changed sample was not imported: " + outcome.Describe(System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KpiBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("KpiBot.sln not found above the test binaries.");
    }

    /// <summary>The page's item of import <paramref name="version"/>.</summary>
    private static string Item(string html, string version)
    {
        var at = html.IndexOf($"data-version=\"{version}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"No import {version} on the page.");
        var end = html.IndexOf("<li class=\"import\"", at, StringComparison.Ordinal);
        return end < 0 ? html[at..] : html[at..end];
    }

    /// <summary>The text of the change item marked <paramref name="marker"/>, tags removed and spaces collapsed.</summary>
    private static string Change(string item, string marker)
    {
        var at = item.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"No {marker} in the import.");
        var start = item.IndexOf('>', at) + 1;
        var text = TagPattern().Replace(item[start..item.IndexOf("</li>", start, StringComparison.Ordinal)], string.Empty);
        return SpacePattern().Replace(System.Net.WebUtility.HtmlDecode(text), " ").Trim();
    }

    [GeneratedRegex("<a href=\"(/dashboard/imports)\">")]
    private static partial Regex NavLinkPattern();

    [GeneratedRegex("data-version=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("\\s+")]
    private static partial Regex SpacePattern();
}
