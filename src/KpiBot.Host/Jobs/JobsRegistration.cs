using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using KpiBot.Core.Delivery;
using KpiBot.Host.Hosting;
using KpiBot.Storage;
using Microsoft.Extensions.Options;

namespace KpiBot.Host.Jobs;

/// <summary>
/// Hangfire for all scheduled and background work: PostgreSQL storage (schema <c>hangfire</c> in the KpiBot
/// database) in production, a SQLite file for the single-host embedded default.
/// </summary>
public static class JobsRegistration
{
    /// <summary>
    /// Hangfire on the configured storage, the delivery queue and the jobs; with <paramref name="runServer"/>
    /// false (the command line) only the client, so what a command enqueues is run by the hosts' servers.
    /// </summary>
    public static IHostApplicationBuilder AddKpiBotJobs(this IHostApplicationBuilder builder, StorageOptions storage, bool runServer = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(storage);
        builder.Services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var jobs = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();

        builder.Services.AddHangfire((services, config) =>
        {
            config.UseLogProvider(new HangfireLogProvider(services.GetRequiredService<ILoggerFactory>()));
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (storage.Provider == StorageProvider.Postgres)
            {
                config.UsePostgreSqlStorage(
                    o => o.UseNpgsqlConnection(storage.ConnectionString),
                    new PostgreSqlStorageOptions
                    {
                        QueuePollInterval = jobs.PollInterval,
                        // A job fetched by a host that was killed becomes visible to others after this.
                        InvisibilityTimeout = TimeSpan.FromMinutes(5),
                        UseSlidingInvisibilityTimeout = true,
                        DistributedLockTimeout = TimeSpan.FromMinutes(1),
                        PrepareSchemaIfNecessary = true,
                    });
            }
            else
            {
                var file = Path.GetFullPath(string.IsNullOrWhiteSpace(jobs.SqliteFile) ? HangfireFileBeside(storage.ConnectionString) : jobs.SqliteFile);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                config.UseSQLiteStorage(file, new SQLiteStorageOptions { QueuePollInterval = jobs.PollInterval });
            }
        });

        if (jobs.RunServer && runServer)
        {
            builder.Services.AddHangfireServer((services, o) =>
            {
                o.WorkerCount = jobs.WorkerCount;
                o.SchedulePollingInterval = jobs.PollInterval;
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                // Within the host's own stop time, so Hangfire stops in order (GracefulStop): jobs are told to end
                // at a third of it, and their workers are waited for until five sixths of it.
                var shutdown = services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
                o.StopTimeout = GracefulStop.JobsStopTimeout(shutdown);
                o.ShutdownTimeout = GracefulStop.JobsShutdownTimeout(shutdown);
            });
            builder.Services.AddHostedService<RecurringJobsRegistration>();
        }

        builder.Services.AddSingleton<GracefulStop>();
        builder.Services.AddScoped<SendDeliveryBatchJob>();
        builder.Services.AddScoped<IDeliveryQueue>(s => s.GetRequiredService<SendDeliveryBatchJob>());
        builder.Services.AddScoped<SendDeliveryJob>();
        builder.Services.AddScoped<DispatchJob>();
        return builder;
    }

    private static string HangfireFileBeside(string sqliteConnectionString)
    {
        var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(sqliteConnectionString).DataSource;
        return Path.ChangeExtension(dataSource, null) + ".hangfire.db";
    }

    /// <summary>The dashboard at /hangfire, for local requests (or the configured token).</summary>
    public static WebApplication MapKpiBotDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new DashboardAuthorization(options.DashboardToken)],
            DashboardTitle = "KpiBot jobs",
        });
        return app;
    }
}

/// <summary>Registers the recurring dispatcher through the injected manager (idempotent; every host may do it).</summary>
public sealed class RecurringJobsRegistration(IRecurringJobManager recurring) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<DispatchJob>(DispatchJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
