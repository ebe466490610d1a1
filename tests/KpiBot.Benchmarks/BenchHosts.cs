using System.Diagnostics;
using KpiBot.Core.Chat;
using KpiBot.Core.Delivery;
using KpiBot.Host.Hosting;
using KpiBot.Host.Jobs;
using KpiBot.Storage;
using KpiBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Benchmarks;

/// <summary>
/// KpiBot hosts (the shipped services and Hangfire jobs) on one database, sending through a chat stand-in on a
/// shared fake clock, as the fan-out and digest measurements run them. With a <see cref="ChannelDeliveryQueue"/>
/// the sends run in-process instead of through Hangfire (the engine alone).
/// </summary>
internal static class BenchHosts
{
    public static async Task<List<IHost>> StartAsync(
        IReadOnlyDictionary<string, string?> database, int hostCount, int workers, IChatPort chat, TimeProvider time,
        ChannelDeliveryQueue? direct, Func<IServiceProvider, Task> beforeFirstStart, CancellationToken stop)
    {
        var hosts = new List<IHost>();
        for (var i = 0; i < hostCount; i++)
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
            KpiBotConfiguration.AddDefaults(builder.Configuration);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(database)
            {
                ["KpiBot:ImportSampleWhenEmpty"] = "false",
                ["Jobs:WorkerCount"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Jobs:RunServer"] = direct is null ? "true" : "false",
                ["Jobs:PollInterval"] = "00:00:00.200",
                ["Delivery:MaxAttempts"] = "1000",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            var storage = StorageSettings.From(builder.Configuration).ToStorageOptions();
            builder.AddKpiBotServices(storage);
            builder.AddKpiBotJobs(storage);
            builder.Services.RemoveAll<IChatPort>();
            builder.Services.AddSingleton(chat);
            builder.Services.RemoveAll<TimeProvider>();
            builder.Services.AddSingleton(time);
            if (direct is not null)
            {
                builder.Services.RemoveAll<IDeliveryQueue>();
                builder.Services.AddSingleton<IDeliveryQueue>(direct);
            }

            var host = builder.Build();
            if (i == 0)
            {
                await KpiBotDatabase.MigrateAsync(host.Services, CancellationToken.None);
                await beforeFirstStart(host.Services);
            }

            await host.StartAsync(CancellationToken.None);
            hosts.Add(host);
            direct?.StartWorkers(host.Services, workers, stop);
        }

        return hosts;
    }

    public static async Task StopAsync(IEnumerable<IHost> hosts)
    {
        foreach (var host in hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    /// <summary>
    /// Prints what was sent each second until no delivery is pending or sending; advances the fake clock a second
    /// each time, so that retries after a 429 (scheduled at the platform's Retry-After) come due.
    /// </summary>
    public static async Task WaitUntilAllFinalAsync(IServiceProvider services, CountingChatPort chat, FakeTimeProvider time, Stopwatch clock)
    {
        var lastReport = 0L;
        while (true)
        {
            await Task.Delay(1000);
            await using var scope = services.CreateAsyncScope();
            var open = await scope.ServiceProvider.GetRequiredService<KpiBotDbContext>().Deliveries
                .CountAsync(DeliveryRow.InProgress);
            var delivered = chat.Delivered;
            Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:F0} s  sent {delivered,7:N0}  (+{delivered - lastReport:N0}/s)  rate-limited answers {chat.Limited:N0}  open {open:N0}");
            lastReport = delivered;
            if (open == 0)
            {
                return;
            }

            time.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
