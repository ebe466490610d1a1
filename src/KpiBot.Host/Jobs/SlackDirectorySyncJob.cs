using Hangfire;
using KpiBot.Slack.People;

namespace KpiBot.Host.Jobs;

/// <summary>
/// Daily, and once a few minutes after a host starts: links the goals file's people to their Slack users by
/// email (<see cref="SlackDirectorySync"/>) before they ever write to the bot, and keeps their Slack time zones.
/// Linking is idempotent, so a second run does no harm; a run that finds another still going on any host gives
/// up within seconds instead of paging the directory twice.
/// </summary>
public sealed class SlackDirectorySyncJob(SlackDirectorySync sync)
{
    public const string Id = "slack-directory-sync";

    /// <summary>How long after a host starts the first sync runs.</summary>
    public static readonly TimeSpan AfterStart = TimeSpan.FromMinutes(2);

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    public Task<SlackDirectorySyncResult> RunAsync(CancellationToken cancellationToken) => sync.RunAsync(cancellationToken);
}

public static class SlackDirectorySyncRegistration
{
    /// <summary>Registers the job and schedules it daily and once shortly after start (every host may do it).</summary>
    public static IServiceCollection AddSlackDirectorySync(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(SlackDirectorySyncJob)))
        {
            services.AddScoped<SlackDirectorySyncJob>();
            services.AddHostedService<SlackDirectorySyncSchedule>();
        }

        return services;
    }
}

internal sealed class SlackDirectorySyncSchedule(IRecurringJobManager recurring, IBackgroundJobClient jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<SlackDirectorySyncJob>(SlackDirectorySyncJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Daily());
        jobs.Schedule<SlackDirectorySyncJob>(j => j.RunAsync(CancellationToken.None), SlackDirectorySyncJob.AfterStart);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
