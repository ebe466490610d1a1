using KpiBot.Teams.Connector;
using KpiBot.Testing.Teams;
using Microsoft.Identity.Client;

namespace KpiBot.Teams.Tests.Connector;

public sealed class MsalBotTokenProviderTests : IAsyncLifetime
{
    private FakeBotFrameworkServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeBotFrameworkServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(null, "botframework.com")]
    [InlineData("72f988bf-0000-4000-8000-00000000000a", "72f988bf-0000-4000-8000-00000000000a")]
    public async Task GetToken_AsksTheRightTenantByClientCredentials_AndCachesTheToken(string? tenantId, string expectedTenant)
    {
        var provider = new MsalBotTokenProvider(Options(tenantId), new TrustingFactory(_server.Client));

        var first = await provider.GetTokenAsync(CancellationToken.None);
        var second = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("connector-token-1", first);
        Assert.Equal(first, second);
        var (tenant, form) = Assert.Single(_server.TokenRequests);
        Assert.Equal(expectedTenant, tenant);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(FakeBotFrameworkServer.AppId, form["client_id"]);
        Assert.Equal("s3cret", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Theory]
    [InlineData(null, "s3cret")]
    [InlineData(FakeBotFrameworkServer.AppId, "")]
    public void Create_WithoutAppIdOrPassword_Refuses(string? appId, string password)
    {
        var options = Options(null);
        options.AppId = appId;
        options.AppPassword = password;

        Assert.Throws<InvalidOperationException>(() => new MsalBotTokenProvider(options));
    }

    private TeamsOptions Options(string? tenantId)
    {
        var options = _server.Options();
        options.AppPassword = "s3cret";
        options.TenantId = tenantId;
        options.Authority = _server.BaseAddress;
        options.AuthorityInstanceDiscovery = false;
        return options;
    }

    private sealed class TrustingFactory(HttpClient client) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => client;
    }
}
