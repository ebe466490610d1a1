using KpiBot.Slack.Api;
using KpiBot.Slack.Inbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KpiBot.Slack.Tests;

public class SlackServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSlack().BuildServiceProvider();
    }

    [Fact]
    public void AddSlack_BindsTheSlackSection()
    {
        using var services = Build(new()
        {
            ["Slack:SigningSecret"] = "s",
            ["Slack:BotToken"] = "xoxb-1",
            ["Slack:AppToken"] = "xapp-1",
            ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/",
        });

        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;

        Assert.Equal(("s", "xoxb-1", "xapp-1", new Uri("http://127.0.0.1:9/api/")), (options.SigningSecret, options.BotToken, options.AppToken, options.ApiBaseUrl));
        Assert.NotNull(services.GetRequiredService<SlackApiClient>());
    }

    [Fact]
    public void AddSlack_WithNothingConfigured_RefusesEveryRequestAndDefaultsTheApiAddress()
    {
        using var services = Build([]);

        var reader = services.GetRequiredService<SlackRequestReader>();

        Assert.IsType<SlackInbound.Refused>(reader.Read("application/json", "1", "v0=00", "{}"u8, null));
        Assert.Equal(new Uri("https://slack.com/api/"), services.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl);
    }
}
