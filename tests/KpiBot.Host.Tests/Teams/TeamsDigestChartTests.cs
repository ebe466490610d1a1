using System.Net;
using System.Text.Json.Nodes;
using KpiBot.Core.Delivery;
using KpiBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using static KpiBot.Host.Tests.Teams.TeamsActivities;

namespace KpiBot.Host.Tests.Teams;

/// <summary>
/// The weekly digest's chart on Teams: an Image in the digest card whose URL is the chart's signed, expiring address
/// on <c>KpiBot:PublicBaseUrl</c>, which the host answers with the PNG; without a public base URL the card goes
/// without it (and the digest still goes).
/// </summary>
public sealed class TeamsDigestChartTests : TeamsHostFixture
{
    private static readonly string General = "/v3/conversations/" + Uri.EscapeDataString(TeamId) + "/activities";

    [Fact]
    public async Task TheDigestCard_ShowsTheChart_FromASignedAddressTheHostServes()
    {
        await using var host = StartHost(new Dictionary<string, string?> { ["KpiBot:PublicBaseUrl"] = "https://kpibot.example.com/" });

        var card = await DigestCardAsync(host);

        var image = Assert.Single(Elements(card), e => (string?)e["type"] == "Image");
        var url = new Uri((string)image["url"]!);
        Assert.Equal("https://kpibot.example.com/charts/digest/", url.GetLeftPart(UriPartial.Authority) + url.AbsolutePath[..(url.AbsolutePath.LastIndexOf('/') + 1)]);
        Assert.StartsWith("年間売上1億円とKPI", (string)image["altText"]!, StringComparison.Ordinal);
        Assert.Equal(1, Elements(card).ToList().FindIndex(e => (string?)e["type"] == "Image"));   // under the title

        // Teams fetches it: the host answers the PNG to a request without any session or token.
        var response = await host.Client.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await response.Content.ReadAsByteArrayAsync())[..4]);
        var changed = url.PathAndQuery[..^2] + (url.PathAndQuery[^2] == 'x' ? "y" : "x") + url.PathAndQuery[^1];
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.GetAsync(new Uri(changed, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task WithoutAPublicBaseUrl_TheDigestCardGoesWithoutTheChart()
    {
        await using var host = StartHost();

        var card = await DigestCardAsync(host);

        Assert.DoesNotContain(Elements(card), e => (string?)e["type"] == "Image");
        Assert.StartsWith("週次ダイジェスト", (string)Elements(card).First()["text"]!, StringComparison.Ordinal);   // the digest itself went
    }

    /// <summary>Installed in the sales team, General linked by the admin, next Monday's digest sent: its (first) card.</summary>
    private async Task<JsonNode> DigestCardAsync(TeamsHost host)
    {
        var url = host.ServiceUrl;
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(InstalledInTeam(url), Token())).StatusCode);
        await host.SettleAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(InChannel(url, "yamamoto", "link sales", "m-link"), Token())).StatusCode);
        await host.SettleAsync();
        var before = Fake.Calls("POST", General).Count;

        Time.Advance(new DateTimeOffset(2026, 12, 7, 0, 1, 0, TimeSpan.Zero) - Time.GetUtcNow());
        await host.InScopeAsync(s => s.GetRequiredService<Dispatcher>().RunAsync(CancellationToken.None));
        await host.SettleAsync();

        var posted = Fake.Calls("POST", General).Skip(before).ToList();
        Assert.NotEmpty(posted);
        return JsonNode.Parse(posted[0].Body)!["attachments"]![0]!["content"]!;
    }

    private static IEnumerable<JsonNode> Elements(JsonNode card) => card["body"]!.AsArray().Select(e => e!);
}
