using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KpiBot.Storage;
using KpiBot.Testing;

namespace KpiBot.Web.Tests.Dashboard;

/// <summary>The goal page (row and chart), the team page (heat map, blockers, who is behind) and a person's page, read as their readers see them.</summary>
public partial class PagesTests
{
    private const string Sato = "sato@example.co.jp";       // lead of sales, Japanese
    private const string Tanaka = "tanaka@example.co.jp";   // rep of sales

    [Fact]
    public async Task AGoalPage_ShowsTheTreesNumbers_AndAChartWithPlanActualAndForecast()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await DashboardHost.StartAsync(db);
        await host.SeedSalesWeekAsync();
        using var lead = await host.SignedInAsync(Sato);

        var tree = await (await lead.GetAsync(new Uri("/dashboard/teams/sales?period=month", UriKind.Relative))).Content.ReadAsStringAsync();
        var response = await lead.GetAsync(new Uri("/dashboard/teams/sales/goals/daily-calls?period=month", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(Figures(tree, "daily-calls"), Figures(html, "daily-calls"));
        Assert.Equal("11月 45件 / 1,120件", Figures(html, "daily-calls"));   // the team: 30 + 10 (田中) + 5 (鈴木)
        var svg = ChartSvg(html);
        Assert.Equal("svg", System.Xml.Linq.XDocument.Parse(svg).Root!.Name.LocalName);
        Assert.Contains("実績（累計）", html, StringComparison.Ordinal);
        Assert.Contains("計画", html, StringComparison.Ordinal);
        Assert.Contains("着地見込み", html, StringComparison.Ordinal);
        Assert.Equal(3, SeriesPattern().Matches(html).Count);
        foreach (var color in new[] { Charts.ScottPlotChartRenderer.PlanColor, Charts.ScottPlotChartRenderer.ActualColor, Charts.ScottPlotChartRenderer.ForecastColor })
        {
            Assert.Contains(color, svg, StringComparison.OrdinalIgnoreCase);   // each line is drawn
        }
    }

    [Fact]
    public async Task TheTeamPage_ShowsEachRepsDays_TheOpenBlocker_AndWhoIsBehind()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await DashboardHost.StartAsync(db);
        await host.SeedSalesWeekAsync();
        using var lead = await host.SignedInAsync(Sato);

        var response = await lead.GetAsync(new Uri("/dashboard/teams/sales/people", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("直近4週間の回答状況", html, StringComparison.Ordinal);
        Assert.Equal("missed", Cell(html, "tanaka", "2026-11-20"));
        Assert.Equal("answered", Cell(html, "tanaka", "2026-11-24"));
        Assert.Equal("skipped", Cell(html, "tanaka", "2026-11-25"));
        Assert.Equal("answered", Cell(html, "tanaka", "2026-11-26"));
        Assert.Equal("pending", Cell(html, "tanaka", "2026-11-27"));      // today, not over yet
        Assert.Equal("off", Cell(html, "suzuki", "2026-11-25"));
        Assert.Null(Cell(html, "tanaka", "2026-11-23"));                 // a holiday is not a column
        Assert.DoesNotContain("data-person=\"sato\"", html, StringComparison.Ordinal);   // reps only
        Assert.Matches("<ul class=\"plain\" id=\"blockers\">\\s*<li data-person=\"tanaka\"><b>田中 健太</b>[^<]*: 顧客リストが古い</li>\\s*</ul>", html);
        Assert.Matches("data-person=\"emily\" data-node=\"daily-calls\"", html);
        Assert.Matches("data-person=\"tanaka\" data-node=\"daily-calls\"", html);
    }

    [Fact]
    public async Task APersonsPage_ShowsTheirOwnNumbers_AndStreak()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await DashboardHost.StartAsync(db);
        await host.SeedSalesWeekAsync();
        using var rep = await host.SignedInAsync(Tanaka);

        var response = await rep.GetAsync(new Uri("/dashboard/people/tanaka", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<dd id=\"streak\">1営業日連続</dd>", html, StringComparison.Ordinal);   // Thursday; Wednesday was skipped
        Assert.Equal("11月 40件 / 380件", Figures(html, "daily-calls"));   // 田中's own: 30 + 10
        Assert.Equal("skipped", Cell(html, "tanaka", "2026-11-25"));
    }

    /// <summary>The figures text of a node's row.</summary>
    internal static string Figures(string html, string nodeId)
    {
        var at = html.IndexOf($"data-node=\"{nodeId}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"No row for {nodeId}.");
        var m = FiguresPattern().Match(html, at);
        Assert.True(m.Success);
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    internal static string ChartSvg(string html)
    {
        var m = ChartPattern().Match(html);
        Assert.True(m.Success, "No chart image.");
        const string prefix = "data:image/svg+xml;base64,";
        var url = WebUtility.HtmlDecode(m.Groups[1].Value);
        Assert.StartsWith(prefix, url, StringComparison.Ordinal);
        return Encoding.UTF8.GetString(Convert.FromBase64String(url[prefix.Length..]));
    }

    /// <summary>The state class of a person's heat-map cell, or null when the day is not shown.</summary>
    internal static string? Cell(string html, string personId, string day)
    {
        var at = html.IndexOf($"<tr data-person=\"{personId}\">", StringComparison.Ordinal);
        Assert.True(at >= 0, $"No row for {personId}.");
        var end = html.IndexOf("</tr>", at, StringComparison.Ordinal);
        var m = new Regex($"<td class=\"day (\\w+)\" data-day=\"{day}\"").Match(html[at..end]);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex("data-figures>([^<]*)<")]
    private static partial Regex FiguresPattern();

    [GeneratedRegex("<img src=\"(data:[^\"]+)\"")]
    private static partial Regex ChartPattern();

    [GeneratedRegex("<span class=\"series series-")]
    private static partial Regex SeriesPattern();
}
