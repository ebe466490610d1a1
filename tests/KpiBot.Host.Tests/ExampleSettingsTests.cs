using System.Net;
using System.Text.Json;
using KpiBot.Storage;
using KpiBot.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace KpiBot.Host.Tests;

/// <summary>appsettings.example.json is what admins copy: it must start the host as it is, and list every setting.</summary>
public class ExampleSettingsTests
{
    private static readonly string ExampleFile =
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "appsettings.example.json");

    [Fact]
    public async Task TheExampleSettings_StartTheHost()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.ConfigureAppConfiguration((_, c) => c.AddJsonFile(ExampleFile, optional: false));
            foreach (var (key, value) in db.Settings)
            {
                b.UseSetting(key, value);
            }

            b.UseSetting("KpiBot:SampleGoalsFile", Hosting.KpiBotConfiguration.SampleGoalsPath);
        });
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("Storage", typeof(Hosting.StorageSettings))]
    [InlineData("KpiBot", typeof(Hosting.KpiBotOptions))]
    [InlineData("Jobs", typeof(Jobs.JobsOptions))]
    [InlineData("Delivery", typeof(Core.Delivery.DeliveryOptions))]
    [InlineData("Slack", typeof(KpiBot.Slack.SlackOptions))]
    [InlineData("Teams", typeof(KpiBot.Teams.TeamsOptions))]
    [InlineData("DataProtection", typeof(Hosting.KeyRingSettings))]
    [InlineData("ForwardedHeaders", typeof(Hosting.ProxySettings))]
    public void TheExampleSettings_ListEveryOption(string section, Type options)
    {
        var json = JsonDocument.Parse(File.ReadAllText(ExampleFile)).RootElement.GetProperty(section);
        var listed = json.EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith("//", StringComparison.Ordinal)).ToHashSet();
        var settable = options.GetProperties().Where(p => p.CanWrite).Select(p => p.Name)
            .Where(n => n != nameof(Hosting.StorageSettings.ConnectionString));   // under ConnectionStrings:KpiBot

        Assert.Empty(settable.Except(listed));
    }
}
