using KpiBot.Teams.Auth;
using KpiBot.Teams.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KpiBot.Teams.Tests.Hosting;

public class TeamsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddTeamsAdapter_BindsTheSectionWithPublicCloudDefaults_AndResolvesEveryPart()
    {
        using var services = Build(new() { ["Teams:AppId"] = "app", ["Teams:AppPassword"] = "secret", ["Teams:TenantId"] = "tenant-1" });

        var options = services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        Assert.Equal(("app", "tenant-1"), (options.AppId, options.TenantId));
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.OpenIdMetadataUrl.AbsoluteUri);
        Assert.Equal("https://api.botframework.com", options.TokenIssuer);
        Assert.Equal("https://login.microsoftonline.com/tenant-1", options.TokenAuthority.AbsoluteUri);
        Assert.NotNull(services.GetRequiredService<BotFrameworkTokenValidator>());
        Assert.IsType<MsalBotTokenProvider>(services.GetRequiredService<IBotTokenProvider>());
        Assert.NotNull(services.GetRequiredService<BotConnectorClient>());
    }

    [Fact]
    public void AddTeamsAdapter_WhenMultiTenant_AsksBotframeworkCom()
    {
        using var services = Build(new() { ["Teams:AppId"] = "app" });

        Assert.Equal("https://login.microsoftonline.com/botframework.com", services.GetRequiredService<IOptions<TeamsOptions>>().Value.TokenAuthority.AbsoluteUri);
    }

    [Fact]
    public void AddTeamsAdapter_WhenKeysWouldBeKeptLongerThanADay_RefusesTheOptions()
    {
        using var services = Build(new() { ["Teams:MetadataRefreshInterval"] = "2.00:00:00" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TeamsOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddTeamsAdapter();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
