using System.Buffers.Binary;
using System.Net;
using KpiBot.Core.Digest;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Fakes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KpiBot.Web.Tests.Dashboard;

/// <summary>
/// The digest chart's signed, expiring address on <c>KpiBot:PublicBaseUrl</c> (what a Teams card shows the chart
/// from): served by the host as a PNG to anyone holding it, refused once changed or expired; without a public base
/// URL the digest has no address for its chart and the host says so once, at start.
/// </summary>
public sealed class DigestChartAddressTests
{
    private static readonly DateOnly WeekOf23rd = new(2026, 11, 23);
    private const string Warning = "KpiBot:PublicBaseUrl is not set";

    [Fact]
    public async Task TheChartsAddress_AnswersAPng_AndIsRefusedWhenChangedOrExpired()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var logs = new RecordingLoggerProvider();
        await using var host = await DashboardHost.StartAsync(db, configure: b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        await host.SeedSalesWeekAsync();
        var view = await DigestAsync(host);
        var url = view.Chart?.ImageUrl;
        Assert.NotNull(url);
        Assert.StartsWith("https://localhost/charts/digest/", url.AbsoluteUri, StringComparison.Ordinal);
        using var anyone = host.Client();   // no session: the address itself is the credential

        var response = await anyone.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal((DigestCharts.Width, DigestCharts.Height), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
        Assert.DoesNotContain(logs.Lines, l => l.Text.Contains(Warning, StringComparison.Ordinal));

        // Changed anywhere in its token, cut short, or made up: refused, the same way.
        var token = url.AbsolutePath[(url.AbsolutePath.LastIndexOf('/') + 1)..];
        var middle = token.Length / 2;
        var changed = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        foreach (var bad in new[] { changed, token[..^4], "not-a-token", token + "A" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await anyone.GetAsync(new Uri("/charts/digest/" + bad, UriKind.Relative))).StatusCode);
        }

        // Still good the day before it expires; refused after.
        host.Time.Advance(KpiBot.Web.Charts.DigestChartLinks.Lifetime - TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative))).StatusCode);
        host.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await anyone.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TheChart_ShowsTheKgiAndItsKpis_ActualAgainstPlan()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await DashboardHost.StartAsync(db);
        await host.SeedSalesWeekAsync();

        var chart = (await DigestAsync(host)).Chart!;

        // The KGI first, then its KPIs (those with a target), numbered as the caption lists them.
        Assert.Equal("年間売上1億円", chart.Chart.Groups[0].Title);
        Assert.Contains(chart.Chart.Groups, g => g.Title == "商談 30件/月");
        Assert.Contains(chart.Chart.Groups, g => g.Title == "新規顧客の売上");
        Assert.Equal(Enumerable.Range(1, chart.Chart.Groups.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), chart.Chart.Groups.Select(g => g.Label));
        Assert.True(chart.Chart.Groups[0].PlanPercent > 0m);      // eight months into the fiscal year
        var meetings = chart.Chart.Groups.Single(g => g.Title == "商談 30件/月");
        Assert.Contains($"{meetings.Label}. 商談 30件/月：", chart.Caption, StringComparison.Ordinal);
        Assert.StartsWith("年間売上1億円とKPI：", chart.Caption, StringComparison.Ordinal);
        Assert.Contains("1. 年間売上1億円：", chart.Caption, StringComparison.Ordinal);
        Assert.Equal("kpibot-sales-2026-11-23.png", chart.FileName);
    }

    [Fact]
    public async Task WithoutAPublicBaseUrl_TheChartHasNoAddress_AndTheHostSaysSoOnceAtStart()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var logs = new RecordingLoggerProvider();
        await using var host = await DashboardHost.StartAsync(db, publicBaseUrl: null, configure: b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs)));

        var first = await DigestAsync(host);
        var second = await DigestAsync(host);

        Assert.NotNull(first.Chart);             // Slack still uploads it
        Assert.Null(first.Chart.ImageUrl);       // Teams' card goes without it
        Assert.Null(second.Chart!.ImageUrl);
        var said = Assert.Single(logs.Lines, l => l.Text.Contains(Warning, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, said.Level);
        Assert.Contains("Teams", said.Text, StringComparison.Ordinal);
    }

    private static async Task<KpiBot.Core.Views.DigestView> DigestAsync(DashboardHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var model = (await scope.ServiceProvider.GetRequiredService<IGoalsProvider>().CurrentAsync(CancellationToken.None))!;
        return await scope.ServiceProvider.GetRequiredService<DigestBuilder>().BuildAsync(model, model.TeamsById["sales"], WeekOf23rd, Localized.Japanese, CancellationToken.None);
    }
}
