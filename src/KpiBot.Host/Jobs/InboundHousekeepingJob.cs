using Hangfire;
using KpiBot.Core.Chat;

namespace KpiBot.Host.Jobs;

/// <summary>
/// Daily: forgets the inbound deliveries remembered for de-duplication (Slack's <c>event_id</c>) once they are
/// older than a day — Slack retries within minutes. One indexed delete; any host may run it.
/// </summary>
public sealed class InboundHousekeepingJob(IInboundDedupe dedupe, TimeProvider time)
{
    public const string Id = "inbound-housekeeping";

    public static readonly TimeSpan Keep = TimeSpan.FromDays(1);

    [AutomaticRetry(Attempts = 1)]
    public Task<int> RunAsync(CancellationToken cancellationToken) => dedupe.PurgeAsync(time.GetUtcNow() - Keep, cancellationToken);
}

public static class InboundHousekeepingRegistration
{
    /// <summary>Registers the job and schedules it daily (idempotent; every host may do it, and twice is harmless).</summary>
    public static IServiceCollection AddInboundHousekeeping(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(InboundHousekeepingJob)))
        {
            services.AddScoped<InboundHousekeepingJob>();
            services.AddHostedService<InboundHousekeepingSchedule>();
        }

        return services;
    }
}

internal sealed class InboundHousekeepingSchedule(IRecurringJobManager recurring) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<InboundHousekeepingJob>(InboundHousekeepingJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Daily());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
