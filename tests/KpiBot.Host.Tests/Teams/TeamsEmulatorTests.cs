using System.Net;
using KpiBot.Storage;
using KpiBot.Testing.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KpiBot.Host.Tests.Teams.TeamsActivities;

namespace KpiBot.Host.Tests.Teams;

/// <summary>
/// The Bot Framework Emulator mode: unauthenticated requests only from loopback, only with
/// Teams:AllowUnauthenticatedLocal, only in Development, and never when an app id is configured.
/// </summary>
public sealed class TeamsEmulatorTests() : TeamsHostFixture(salesTeam: false)
{
    [Fact]
    public async Task WithTheOptionInDevelopment_LoopbackIsAccepted_AndAnswersGoOutWithoutAToken()
    {
        await using var host = StartHost(Emulator(appId: ""));

        var response = await host.PostAsync(Personal(host.ServiceUrl, "sato", "help", "m-1"), token: null);
        await host.SettleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(Fake.Calls("POST", "/activities/m-1"));
        Assert.Equal("", reply.Authorization);

        // Not from this machine: refused even in the Emulator mode.
        var remote = await host.PostAsync(Personal(host.ServiceUrl, "sato", "help", "m-2"), token: null, from: IPAddress.Parse("203.0.113.7"));
        Assert.Equal(HttpStatusCode.Unauthorized, remote.StatusCode);

        // Through a proxy on this machine the host was not told to trust, for a client elsewhere or claiming to be local.
        var proxied = await host.PostAsync(Personal(host.ServiceUrl, "sato", "help", "m-3"), token: null, forwardedFor: "8.8.8.8");
        Assert.Equal(HttpStatusCode.Unauthorized, proxied.StatusCode);
        var claimed = await host.PostAsync(Personal(host.ServiceUrl, "sato", "help", "m-4"), token: null, forwardedFor: "127.0.0.1");
        Assert.Equal(HttpStatusCode.Unauthorized, claimed.StatusCode);
        Assert.Single(Fake.Calls("POST", "/activities/m-1"));
        Assert.Empty(Fake.Calls("POST", "/activities/m-3"));
        Assert.Empty(Fake.Calls("POST", "/activities/m-4"));
    }

    [Fact]
    public async Task BehindAConfiguredProxy_TheForwardedClientIsJudged_NotTheProxy()
    {
        var settings = Emulator(appId: "");
        settings["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1";
        await using var host = StartHost(settings);

        var remote = await host.PostAsync(Personal(host.ServiceUrl, "sato", "help", "m-1"), token: null, forwardedFor: "8.8.8.8");
        var local = await host.PostAsync(Personal(host.ServiceUrl, "sato", "help", "m-2"), token: null, forwardedFor: "127.0.0.1");
        await host.SettleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, remote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Empty(Fake.Calls("POST", "/activities/m-1"));
        Assert.Single(Fake.Calls("POST", "/activities/m-2"));
    }

    [Fact]
    public async Task WithAnAppId_TheOptionIsIgnored_AndUnauthenticatedRequestsAreRefused()
    {
        await using var host = StartHost(Emulator(appId: FakeBotFrameworkServer.AppId));

        var response = await host.PostAsync(Personal(host.ServiceUrl, "sato", "help", "m-1"), token: null);
        await host.SettleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingAsync(host);
    }

    [Theory]
    [InlineData("false", "Development")]
    [InlineData("true", "Production")]
    public async Task WithoutTheOptionOrOutsideDevelopment_TeamsIsOff(string allow, string environment)
    {
        await using var host = StartHost(Emulator(appId: "", allow), environment);

        var response = await host.PostAsync(Personal(host.ServiceUrl, "sato", "help", "m-1"), token: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertNothingAsync(host);
    }

    private static Dictionary<string, string?> Emulator(string appId, string allow = "true") => new()
    {
        ["Teams:AppId"] = appId,
        ["Teams:AllowUnauthenticatedLocal"] = allow,
    };

    private async Task AssertNothingAsync(TeamsHost host)
    {
        Assert.Empty(Fake.Requests);
        Assert.Equal(0, await host.InScopeAsync(s => s.GetRequiredService<KpiBotDbContext>().ChatUsers.CountAsync()));
    }
}
