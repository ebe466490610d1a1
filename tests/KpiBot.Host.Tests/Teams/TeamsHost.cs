using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KpiBot.Storage;
using KpiBot.Teams;
using KpiBot.Teams.Connector;
using KpiBot.Teams.Inbound;
using KpiBot.Testing;
using KpiBot.Testing.Teams;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Identity.Client;

namespace KpiBot.Host.Tests.Teams;

/// <summary>
/// A real KpiBot host with Teams on, talking to a <see cref="FakeBotFrameworkServer"/> over HTTPS: the host's
/// metadata and connector clients (and MSAL) trust the fake's certificate, in this test only. Requests reach
/// /api/messages through the test server from a loopback address.
/// </summary>
internal sealed class TeamsHost : IAsyncDisposable
{
    public const string Tenant = "tenant-1";
    public const string BotId = "28:" + FakeBotFrameworkServer.AppId;

    private readonly WebApplicationFactory<Program> _factory;

    private TeamsHost(WebApplicationFactory<Program> factory, FakeBotFrameworkServer fake, FakeTimeProvider time)
    {
        _factory = factory;
        Fake = fake;
        Time = time;
        Client = new HttpClient(factory.Server.CreateHandler(c => c.Connection.RemoteIpAddress = IPAddress.Loopback))
        {
            BaseAddress = factory.Server.BaseAddress,
        };
    }

    public FakeBotFrameworkServer Fake { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>A client whose requests come from 127.0.0.1.</summary>
    public HttpClient Client { get; }

    public string ServiceUrl => Fake.BaseAddress.AbsoluteUri;

    /// <summary>Starts a host; <paramref name="settings"/> are added last (null removes the app id for the Emulator cases).</summary>
    public static TeamsHost Start(
        TestDatabase db, FakeBotFrameworkServer fake, FakeTimeProvider time, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development",
        bool recurring = true)
    {
        var all = new Dictionary<string, string?>
        {
            ["Jobs:RunServer"] = "true",
            ["Jobs:WorkerCount"] = "3",
            ["Jobs:PollInterval"] = "00:00:00.200",
            ["Teams:AppId"] = FakeBotFrameworkServer.AppId,
            ["Teams:AppPassword"] = "s3cret",
            ["Teams:TenantId"] = Tenant,
            ["Teams:OpenIdMetadataUrl"] = fake.MetadataUrl.AbsoluteUri,
            ["Teams:Authority"] = fake.BaseAddress.AbsoluteUri,
            ["Teams:AuthorityInstanceDiscovery"] = "false",
            ["Teams:ConnectorRetryBaseDelay"] = "00:00:00.010",
            ["Teams:ConnectorMaxRetryDelay"] = "00:00:02",
        };
        foreach (var (key, value) in db.Settings.Concat(settings ?? new Dictionary<string, string?>()))
        {
            all[key] = value;
        }

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            foreach (var (key, value) in all)
            {
                b.UseSetting(key, value);
            }

            b.ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(time);
                if (!recurring)
                {
                    s.RemoveRecurringJobs();
                }

                // Trust the fake's test-made certificate in these clients only; production validation is untouched.
                s.AddHttpClient(TeamsServiceCollectionExtensions.MetadataClient).ConfigurePrimaryHttpMessageHandler(fake.CreateHandler);
                s.AddHttpClient(nameof(BotConnectorClient)).ConfigurePrimaryHttpMessageHandler(fake.CreateHandler);
                s.AddSingleton<IMsalHttpClientFactory>(new TrustingMsalFactory(fake));
                if (!string.IsNullOrEmpty(all["Teams:AppId"]))
                {
                    s.AddSingleton<IBotTokenProvider>(sp => new MsalBotTokenProvider(
                        sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TeamsOptions>>().Value, sp.GetRequiredService<IMsalHttpClientFactory>()));
                }
            });
        });
        _ = factory.Server;
        return new TeamsHost(factory, fake, time);
    }

    /// <summary>
    /// Posts an activity as the Bot Framework would, with <paramref name="token"/> as the Bearer token (none when
    /// null), from loopback or from <paramref name="from"/>, through a proxy that says it forwards <paramref name="forwardedFor"/>.
    /// </summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token, IPAddress? from = null, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (from is null)
        {
            return await Client.SendAsync(request);
        }

        using var remote = new HttpClient(_factory.Server.CreateHandler(c => c.Connection.RemoteIpAddress = from)) { BaseAddress = _factory.Server.BaseAddress };
        return await remote.SendAsync(request);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Waits until the inbound queue is empty and every queued delivery was sent by the job workers.</summary>
    public async Task SettleAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var queue = Services.GetRequiredService<KpiBot.Core.Inbound.IInboundQueue>();
        do
        {
            while (queue.Pending > 0)
            {
                await Task.Delay(50, timeout.Token);
            }

            while (await InScopeAsync(s => s.GetRequiredService<KpiBotDbContext>().Deliveries
                       .AnyAwaitingWorkerAsync(timeout.Token)))
            {
                await Task.Delay(100, timeout.Token);
            }
        }
        while (queue.Pending > 0);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }

    private sealed class TrustingMsalFactory(FakeBotFrameworkServer fake) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => fake.Client;
    }
}
