using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KpiBot.Host.Hosting;
using KpiBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Host.Tests.Api;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 (a random port), over a store with the sample imported, called with a
/// plain HttpClient as an integrator's program would. Keys are made with the command line, as an admin makes them.
/// The clock is Friday 2026-11-27 14:00 UTC (23:00 in Tokyo) unless a test sets another.
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Friday = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);

    private readonly WebApplicationFactory<Program> _factory;

    private ApiHost(WebApplicationFactory<Program> factory, TestDatabase db, FakeTimeProvider time)
    {
        _factory = factory;
        Db = db;
        Time = time;
        Client = new HttpClient { BaseAddress = new Uri(Address(factory)) };
    }

    public TestDatabase Db { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    public static async Task<ApiHost> StartAsync(TestDatabase db, IReadOnlyDictionary<string, string?>? settings = null, DateTimeOffset? now = null)
    {
        var import = await CliRunner.RunAsync(db.Settings, "goals", "import", KpiBotConfiguration.SampleGoalsPath);
        Assert.True(import.ExitCode == 0, import.ToString());
        var time = new FakeTimeProvider(now ?? Friday);
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in db.Settings.Concat(settings ?? new Dictionary<string, string?>()))
            {
                b.UseSetting(key, value);
            }

            b.UseSetting("Jobs:RunServer", "false");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time));
        });
        // The port is chosen here, on the factory that starts the host: UseKestrel(0) on a factory made by
        // WithWebHostBuilder is lost (its host is created by the parent factory, which has no port), and every
        // ApiHost on the machine then bound http://localhost:5000 — the second one at a time failed to start.
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return new ApiHost(factory, db, time);
    }

    /// <summary>The address the host listens on: 127.0.0.1 and the port the system gave it.</summary>
    private static string Address(WebApplicationFactory<Program> factory) =>
        factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    /// <summary><c>kpibot apikey create</c>: the key it prints once.</summary>
    public async Task<string> KeyAsync(string name, string scope, string? team = null)
    {
        string[] args = team is null ? ["apikey", "create", "--name", name, "--scope", scope] : ["apikey", "create", "--name", name, "--scope", scope, "--team", team];
        var run = await CliRunner.RunAsync(Db.Settings, args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Output.Trim();
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? key, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        Authorize(request, key, language);
        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string path, string? key, string json, string? idempotencyKey = null, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        Authorize(request, key, language);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Client.SendAsync(request);
    }

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }

    private static void Authorize(HttpRequestMessage request, string? key, string? language)
    {
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }
    }
}
