using System.Net;
using KpiBot.Storage;
using KpiBot.Testing;

namespace KpiBot.Web.Tests.Dashboard;

/// <summary>
/// The chat's rules decide what each person sees: a rep cannot reach a teammate's or another team's pages by changing
/// the URL. Every case only reads, so they share one host on the sample goals; each signs its people in afresh.
/// </summary>
public class AccessTests(AccessTests.Fixture fixture) : IClassFixture<AccessTests.Fixture>
{
    private DashboardHost Host => fixture.Host;

    [Theory]
    [InlineData("/dashboard/teams/telemarketing")]                       // another team's tree
    [InlineData("/dashboard/teams/telemarketing?period=month")]
    [InlineData("/dashboard/teams/sales?team=telemarketing")]            // the team picker, by hand
    [InlineData("/dashboard/teams/nonexistent")]                         // no hint whether a team exists
    public async Task ARep_CannotOpenAnotherTeamsPages(string path)
    {
        using var rep = await Host.SignedInAsync("tanaka@example.co.jp");

        var response = await FollowLocalAsync(rep, path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("表示できません", html, StringComparison.Ordinal);
        Assert.DoesNotContain("テレマーケティング課の目標", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard/teams/sales/people")]                        // own team's people: leads only
    [InlineData("/dashboard/teams/telemarketing/people")]
    [InlineData("/dashboard/teams/sales/people?team=telemarketing")]
    [InlineData("/dashboard/teams/telemarketing/goals/calls")]           // another team's goal page
    [InlineData("/dashboard/teams/telemarketing/goals/nonexistent")]
    [InlineData("/dashboard/people/suzuki")]                             // a teammate's page
    [InlineData("/dashboard/people/kato")]                               // someone of another team
    [InlineData("/dashboard/people/sato")]                               // their own lead's
    [InlineData("/dashboard/people/nobody")]                             // no hint whether a person exists
    public async Task ARep_CannotOpenATeammatesPage_OrTheTeamsPeople(string path)
    {
        using var rep = await Host.SignedInAsync("tanaka@example.co.jp");

        var response = await FollowLocalAsync(rep, path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("表示できません", html, StringComparison.Ordinal);
        Assert.DoesNotContain("鈴木 美咲", html, StringComparison.Ordinal);
        Assert.DoesNotContain("heatmap", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=\"data:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARep_OpensTheirOwnPage_AndTheirTeamsGoalPages()
    {
        using var rep = await Host.SignedInAsync("tanaka@example.co.jp");

        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync(new Uri("/dashboard/people/tanaka", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync(new Uri("/dashboard/teams/sales/goals/meetings", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rep.GetAsync(new Uri("/dashboard/teams/sales/goals/calls", UriKind.Relative))).StatusCode);   // not in this tree
    }

    [Fact]
    public async Task ALead_SeesTheirTeamsPeople_NotAnotherTeams_AndAnAdmin_Everyones()
    {
        using var lead = await Host.SignedInAsync("john.smith@example.com");
        using var admin = await Host.SignedInAsync("yamamoto@example.co.jp");

        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync(new Uri("/dashboard/teams/telemarketing/people", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync(new Uri("/dashboard/people/kato", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync(new Uri("/dashboard/teams/sales/people", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync(new Uri("/dashboard/people/tanaka", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/dashboard/teams/telemarketing/people", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/dashboard/people/kato", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/dashboard/people/nobody", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AnAdmin_OpensEveryTeam_AndALead_OnlyTheirOwn()
    {
        using var admin = await Host.SignedInAsync("yamamoto@example.co.jp");
        using var lead = await Host.SignedInAsync("john.smith@example.com");

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/dashboard/teams/telemarketing", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/dashboard/teams/nonexistent", UriKind.Relative))).StatusCode);
        var own = await lead.GetAsync(new Uri("/dashboard/teams/telemarketing", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Goals of テレマーケティング課", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);   // John reads English
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync(new Uri("/dashboard/teams/sales", UriKind.Relative))).StatusCode);
    }

    /// <summary>One database and host for the class.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private TestDatabase _db = null!;

        internal DashboardHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
            Host = await DashboardHost.StartAsync(_db);
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            await _db.DisposeAsync();
        }
    }

    private static async Task<HttpResponseMessage> FollowLocalAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        for (var i = 0; i < 3 && response.StatusCode == HttpStatusCode.Redirect; i++)
        {
            response = await client.GetAsync(new Uri(response.Headers.Location!.OriginalString, UriKind.RelativeOrAbsolute));
        }

        return response;
    }
}
