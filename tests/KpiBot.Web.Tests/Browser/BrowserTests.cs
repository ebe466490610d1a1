using System.Globalization;
using System.Net;
using System.Net.Sockets;
using KpiBot.Core.Dashboard;
using KpiBot.Core.Goals;
using KpiBot.Storage;
using KpiBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KpiBot.Web.Tests.Browser;

/// <summary>
/// The dashboard in a real browser: people open it through the link KpiBot gives them in chat and see their pages
/// as the rollup computes them, the chart drawn, in their language. Screenshots are kept (see <see cref="Chromium.ScreenshotDirectory"/>).
/// </summary>
public class BrowserTests
{
    private const string Sato = "sato@example.co.jp";          // lead of sales, Japanese
    private const string John = "john.smith@example.com";      // lead of telemarketing, English

    [Fact]
    public async Task ALead_OpensTheLinkInABrowser_AndSeesTheTreeAKpiChartAndTheHeatMap()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var port = FreePort();
        var site = new Uri($"http://localhost:{port}");
        await using var host = await DashboardHost.StartAsync(db, publicBaseUrl: site.ToString().TrimEnd('/'), kestrelPort: port);
        await host.SeedSalesNovemberAsync();
        await host.SeedSalesWeekAsync();
        await AssertListeningAsync(host, site);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync("ja-JP");

        await page.GotoAsync(new Uri(site, await host.LinkAsync(Sato)).ToString());
        Assert.Contains("佐藤 花子", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.ClickAsync("#signin");
        await page.WaitForURLAsync("**/dashboard/teams/sales", new PageWaitForURLOptions { Timeout = SlowPage });

        // The tree: in Japanese, every row's numbers as the rollup has them.
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("営業部の目標", await page.InnerTextAsync("h1"));
        var rows = await ExpectedRowsAsync(host, "sales", CultureInfo.GetCultureInfo("ja"));
        Assert.NotEmpty(rows);
        foreach (var row in rows.Where(r => r.FiguresText is not null))
        {
            var item = page.Locator($"li[data-node='{row.NodeId}']");
            Assert.Equal(row.FiguresText, await item.Locator("[data-figures]").InnerTextAsync());
            Assert.Equal(row.PercentText ?? string.Empty, await item.Locator("[data-percent]").InnerTextAsync());
            Assert.Equal(row.StatusText ?? string.Empty, await item.Locator("[data-status]").InnerTextAsync());
        }

        await Chromium.ScreenshotAsync(page, "dashboard-tree");

        // A KPI's chart, reached from the tree: the image is there and the browser drew it.
        await FollowAsync(page, "li[data-node='daily-calls'] a.title", "/dashboard/teams/sales/goals/daily-calls");
        Assert.Equal(rows.Single(r => r.NodeId == "daily-calls").FiguresText, await page.InnerTextAsync("#goal [data-figures]"));
        Assert.Equal(GoalModelWidth, await page.EvaluateAsync<int>("() => document.querySelector('#chart img').naturalWidth"));
        Assert.Equal(3, await page.Locator("#chart .series").CountAsync());
        await Chromium.ScreenshotAsync(page, "dashboard-kpi-chart");

        // The heat map: one row per rep, one cell per working day, the states as recorded.
        await FollowAsync(page, "header nav a[href$='/people']", "/dashboard/teams/sales/people");
        Assert.Equal("営業部のメンバー", await page.InnerTextAsync("h1"));
        Assert.Equal(3, await page.Locator("#heatmap tbody tr").CountAsync());
        Assert.Equal(18, await page.Locator("#heatmap tbody tr[data-person='tanaka'] td.day").CountAsync());   // Nov 2–27: 20 weekdays − the 3rd and the 23rd (holidays)
        Assert.Equal("day skipped", await page.GetAttributeAsync("tr[data-person='tanaka'] td[data-day='2026-11-25']", "class"));
        Assert.Equal("day off", await page.GetAttributeAsync("tr[data-person='suzuki'] td[data-day='2026-11-16']", "class"));
        Assert.Contains("顧客リストが古い", await page.InnerTextAsync("#blockers"), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(page, "dashboard-heatmap");
    }

    [Fact]
    public async Task AnEnglishReader_GetsTheDashboardInEnglish_OnAPhone()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var port = FreePort();
        var site = new Uri($"http://localhost:{port}");
        await using var host = await DashboardHost.StartAsync(db, publicBaseUrl: site.ToString().TrimEnd('/'), kestrelPort: port);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync("en-US", width: 390, height: 844);

        await page.GotoAsync(new Uri(site, await host.LinkAsync(John)).ToString());
        await page.ClickAsync("#signin");
        await page.WaitForURLAsync("**/dashboard/teams/telemarketing", new PageWaitForURLOptions { Timeout = SlowPage });

        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Goals of テレマーケティング課", await page.InnerTextAsync("h1"));
        Assert.Equal("Sign out", await page.InnerTextAsync("header button"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The tree is wider than a phone.");
        await Chromium.ScreenshotAsync(page, "dashboard-tree-phone-en");
    }

    private const int GoalModelWidth = KpiBot.Web.Dashboard.Pages.GoalModel.ChartWidth;

    /// <summary>The tree rows as the rollup gives them for <paramref name="teamId"/> today.</summary>
    private static async Task<IReadOnlyList<TreeRow>> ExpectedRowsAsync(DashboardHost host, string teamId, CultureInfo culture)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var model = (await scope.ServiceProvider.GetRequiredService<IGoalsProvider>().CurrentAsync(CancellationToken.None))!;
        var today = DateOnly.FromDateTime(host.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);   // Tokyo
        var view = await scope.ServiceProvider.GetRequiredService<TreePageBuilder>().BuildAsync(model, model.TeamsById[teamId], null, today, culture, CancellationToken.None);
        return view.Rows;
    }

    /// <summary>
    /// Opens the page <paramref name="link"/> points to, as a click would, and waits for it to have loaded. The goal
    /// page draws its chart on the server, which on a loaded test machine can take longer than a click's default wait;
    /// going to the link's own address waits for that response and tells a wrong link from a slow page.
    /// </summary>
    private static async Task FollowAsync(IPage page, string link, string expectedPath)
    {
        var href = await page.GetAttributeAsync(link, "href");
        Assert.NotNull(href);
        var target = new Uri(new Uri(page.Url), href);
        Assert.Equal(expectedPath, target.AbsolutePath);
        var response = await page.GotoAsync(target.ToString(), new PageGotoOptions { Timeout = SlowPage });
        Assert.NotNull(response);
        Assert.Equal((int)HttpStatusCode.OK, response.Status);
        Assert.Equal(expectedPath, new Uri(page.Url).AbsolutePath);
    }

    /// <summary>How long a page may take on a shared, loaded machine before the test gives up.</summary>
    private const float SlowPage = 120_000;

    private static async Task AssertListeningAsync(DashboardHost host, Uri site)
    {
        using var http = new HttpClient();
        var addresses = string.Join(", ", host.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? []);
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(site, "/healthz"))).StatusCode);
        }
        catch (HttpRequestException e)
        {
            Assert.Fail($"The host does not answer at {site} (listening on: {addresses}): {e.Message}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
