using System.Net;
using System.Text.Json;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KpiBot.Host.Tests;

public class HostTests
{
    private static WebApplicationFactory<Program> Factory(TestDatabase db) => new WebApplicationFactory<Program>()
        .WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in db.Settings)
            {
                b.UseSetting(key, value);
            }
        });

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Start_OnAnEmptyStore_MigratesAndImportsTheSample_AndHealthzReportsTheDatabase(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var factory = Factory(db);
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());

        await using var scope = factory.Services.CreateAsyncScope();
        var model = await scope.ServiceProvider.GetRequiredService<GoalsStore>().LoadCurrentAsync(CancellationToken.None);
        Assert.NotNull(model);
        Assert.Contains(model.Kgis, k => k.Title == "年間売上1億円");
    }

    [Fact]
    public async Task Start_WhenTheDatabaseIsUnreachable_FailsLoudly()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:KpiBot"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2",
            ["KpiBot:ImportSampleWhenEmpty"] = "false",
        };
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });

        // Start-up migrations fail against a closed port: the host must refuse to start, loudly.
        var failure = await Record.ExceptionAsync(() => Task.FromResult(factory.CreateClient()));
        Assert.NotNull(failure);
    }

    [Fact]
    public async Task Start_WithAnUnknownProvider_ExitsOneWithAClearMessage()
    {
        // The real executable, as an operator starts it: one line that names the setting, no stack trace, exit 1.
        await using var host = HostProcess.Start(
            Path.Combine(AppContext.BaseDirectory, "kpibot.dll"), new Dictionary<string, string?> { ["Storage:Provider"] = "Oracle" });

        var exit = await host.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, exit);
        Assert.Contains("Storage:Provider is 'Oracle'", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", host.Output, StringComparison.Ordinal);
    }
}
