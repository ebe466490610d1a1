using KpiBot.Core.Chat;
using KpiBot.Core.Delivery;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Fakes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Host.Tests.Engine;

/// <summary>
/// One real KpiBot host (its own Hangfire server on the shared database) with the chat port and the clock
/// swapped for a shared in-memory port and a shared fake clock, so several hosts act as one deployment.
/// </summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private EngineHost(WebApplicationFactory<Program> factory) => _factory = factory;

    public IServiceProvider Services => _factory.Services;

    /// <param name="recurring">false: the host registers no recurring jobs (the minutely dispatch among them), so only
    /// the test's own dispatch runs claim what falls due (a minute turning on a loaded machine would otherwise claim it first).</param>
    public static EngineHost Start(TestDatabase db, FakeTimeProvider time, InMemoryChatPort chat, bool runServer = true, bool recurring = true)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in db.Settings)
            {
                b.UseSetting(key, value);
            }

            b.UseSetting("Jobs:RunServer", runServer ? "true" : "false");
            b.UseSetting("Jobs:WorkerCount", "3");
            b.UseSetting("Jobs:PollInterval", "00:00:00.500");
            b.ConfigureTestServices(s =>
            {
                s.AddSingleton<IChatPort>(chat);
                s.AddSingleton<TimeProvider>(time);
                if (!recurring)
                {
                    s.RemoveRecurringJobs();
                }
            });
        });
        _ = factory.Server; // start now: migrations, sample import, Hangfire server
        return new EngineHost(factory);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<DispatchResult> DispatchAsync() =>
        InScopeAsync(s => s.GetRequiredService<Dispatcher>().RunAsync(CancellationToken.None));

    /// <summary>Waits until no queued delivery is pending or in flight (the Hangfire workers of the running hosts sent everything).</summary>
    public async Task DrainAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await InScopeAsync(s => s.GetRequiredService<KpiBotDbContext>().Deliveries
                   .AnyAwaitingWorkerAsync(timeout.Token)))
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
