using System.Net;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Hosting;

namespace KpiBot.Host.Tests.Security;

/// <summary>
/// The operator-access rule (<see cref="Hosting.OperatorAccess"/>) on the real executable, listening on loopback as
/// behind a reverse proxy on the same machine: the job dashboard at /hangfire answers a direct local request, never one
/// forwarded for someone else by a proxy the host was not told to trust, and behind a configured proxy it judges the
/// forwarded client address (and scheme), not the proxy's.
/// </summary>
public class OperatorAccessTests
{
    private const string Token = "op-dashboard-token-5d0c";
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "kpibot.dll");
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Hangfire_ThroughAProxyOnThisMachineThatIsNotConfigured_IsRefused_UnlessTheTokenIsGiven()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = HostProcess.Start(Dll, Settings(db));
        await host.WaitHealthyAsync(StartTimeout);
        using var client = new HttpClient { BaseAddress = host.BaseUrl };

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, []));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, [("X-Forwarded-For", "8.8.8.8")]));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, [("X-Forwarded-For", "127.0.0.1")]));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, [("Forwarded", "for=8.8.8.8;proto=https")]));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, [("X-Real-IP", "8.8.8.8")]));

        // With the operator's token it opens, and an untrusted proxy's X-Forwarded-Proto does not make it https.
        using var withToken = await GetAsync(client, [("X-Forwarded-For", "8.8.8.8"), ("X-Forwarded-Proto", "https")], "?token=" + Token);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        var cookie = DashboardCookie(withToken);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, [("X-Forwarded-For", "8.8.8.8")], "?token=not-the-token"));
    }

    [Fact]
    public async Task Hangfire_BehindAConfiguredProxy_JudgesTheForwardedClient_NotTheProxy()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var settings = Settings(db);
        settings["ForwardedHeaders:KnownProxies"] = "10.20.30.40, 127.0.0.1";   // one value, as an environment variable gives it
        await using var host = HostProcess.Start(Dll, settings);
        await host.WaitHealthyAsync(StartTimeout);
        using var client = new HttpClient { BaseAddress = host.BaseUrl };

        // The proxy is on loopback, but the client it forwards is not: refused.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, [("X-Forwarded-For", "8.8.8.8")]));
        // A client on the proxy's own machine, forwarded by it: local.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, [("X-Forwarded-For", "127.0.0.1")]));
        // Two hops where one proxy is configured: the hop beyond it is still someone else's word.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, [("X-Forwarded-For", "8.8.8.8, 127.0.0.1")]));
        // The trusted proxy's scheme is believed: the dashboard cookie is marked Secure.
        using var withToken = await GetAsync(client, [("X-Forwarded-For", "8.8.8.8"), ("X-Forwarded-Proto", "https")], "?token=" + Token);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Contains("secure", DashboardCookie(withToken), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AProxySettingThatIsNotAnAddress_StopsTheHost_NamingTheKey()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var settings = Settings(db);
        settings["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8";
        settings["ForwardedHeaders:KnownNetworks:1"] = "proxy.internal";
        await using var host = HostProcess.Start(Dll, settings);

        Assert.Equal(1, await host.WaitForExitAsync(StartTimeout));
        Assert.Contains("ForwardedHeaders:KnownNetworks has 'proxy.internal'", host.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(TestDatabase db) => new(db.Settings)
    {
        ["KpiBot:ImportSampleWhenEmpty"] = "false",
        ["Jobs:DashboardToken"] = Token,
    };

    private static string DashboardCookie(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(Jobs.DashboardAuthorization.CookieName + "=", StringComparison.Ordinal));

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, (string Name, string Value)[] headers, string query = "")
    {
        using var response = await GetAsync(client, headers, query);
        return response.StatusCode;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, (string Name, string Value)[] headers, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/hangfire" + query, UriKind.Relative));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }
}
