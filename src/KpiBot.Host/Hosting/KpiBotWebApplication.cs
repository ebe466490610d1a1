using KpiBot.Core.Chat;
using KpiBot.Core.ApiKeys;
using KpiBot.Core.Conversations.Rep;
using KpiBot.Core.Dashboard;
using KpiBot.Core.Outcomes;
using KpiBot.Core.Reporting;
using KpiBot.Core.Rollup;
using KpiBot.Host.Goals;
using KpiBot.Host.Inbound;
using KpiBot.Host.Jobs;
using KpiBot.Storage;
using KpiBot.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KpiBot.Host.Hosting;

/// <summary>Builds the ASP.NET Core host: storage, the engine, background jobs, health, and (later) the chat endpoints.</summary>
public static class KpiBotWebApplication
{
    public static WebApplication Build(string[] args) => Build(args, configure: null);

    /// <summary>As <see cref="Build(string[])"/>, with <paramref name="configure"/> run on the builder last (benchmarks: trust a fake's certificate).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateBuilder(args);
        KpiBotConfiguration.AddDefaults(builder.Configuration);
        var storage = StorageSettings.From(builder.Configuration).ToStorageOptions();
        // A wrong address stops the start here, naming the key; the middleware reads the final configuration.
        ProxySettings.From(builder.Configuration).Apply(new ForwardedHeadersOptions());
        builder.Services.AddOptions<ForwardedHeadersOptions>()
            .PostConfigure<IConfiguration>((options, configuration) => ProxySettings.From(configuration).Apply(options));
        builder.AddKpiBotServices(storage);
        builder.AddKpiBotRequestLog();
        // Before the job server, so it stops after it; its stop rule is timed from the stop signal, not the order.
        builder.Services.AddKpiBotInbound();
        builder.AddTeamsPlatform();

        // Hosted services start in this order: migrations and the sample import before the job server.
        builder.Services.AddHostedService<StartupTasks>();
        builder.AddKpiBotJobs(storage);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.AddSlackPlatform();
        builder.Services.AddKpiBotWeb();
        configure?.Invoke(builder);

        var app = builder.Build();
        // First: every rule, log line and cookie after it sees the client a configured proxy forwarded, never a
        // client an unconfigured one claims (ProxySettings, OperatorAccess).
        app.UseForwardedHeaders();
        app.UseKpiBotRequestLog();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        app.MapKpiBotDashboard();
        app.MapSlackPlatform();
        app.MapTeamsPlatform();
        app.MapKpiBotWeb();
        app.MapGet("/", () => Results.Text("KpiBot is running. Health: /healthz\n"));
        return app;
    }

    /// <summary>Services shared by the web host and the command line; storage as configured unless given.</summary>
    public static IHostApplicationBuilder AddKpiBotServices(this IHostApplicationBuilder builder, StorageOptions? storage = null)
    {
        storage ??= StorageSettings.From(builder.Configuration).ToStorageOptions();
        builder.Services.AddOptions<KpiBotOptions>()
            .BindConfiguration(KpiBotOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<HostOptions>()
            .Configure<IOptions<KpiBotOptions>>((host, kpibot) => host.ShutdownTimeout = kpibot.Value.ShutdownTimeout);
        builder.Services.AddKpiBotStorage(storage);
        builder.Services.AddScoped<GoalsFileService>();
        builder.Services.AddScoped<RollupService>();
        builder.Services.AddScoped<OutcomeService>();
        builder.Services.AddScoped<ApiKeyService>();
        builder.Services.AddScoped<TreeService>();
        builder.Services.AddScoped<NodeHistoryService>();
        builder.Services.AddScoped<ParticipationService>();
        builder.Services.AddScoped<ReportForms>();
        builder.Services.AddKpiBotEngine(builder.Configuration);
        builder.Services.TryAddSingleton<IChatPort, NoChatPort>();
        builder.Services.AddSingleton(sp => new DashboardSettings(
            sp.GetRequiredService<IOptions<KpiBotOptions>>().Value.PublicBaseUri, DashboardSettings.DefaultLinkLifetime));
        builder.Services.AddScoped<SignInLinks>();

        // One key ring for every host, in the database: it encrypts the workspace tokens the adapters store. Its keys
        // are encrypted in turn with the operator's certificate, when one is configured (KeyRingSettings).
        var keyRing = KeyRingSettings.From(builder.Configuration);
        builder.Services.AddSingleton(keyRing);
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("KpiBot")
            .PersistKeysToDbContext<KpiBotDbContext>();
        var current = keyRing.LoadCurrent();
        if (current is not null)
        {
            dataProtection.ProtectKeysWithCertificate(current);
            var previous = keyRing.LoadPrevious();
            dataProtection.UnprotectKeysWithAnyCertificate(previous is null ? [current] : [current, previous]);
        }

        return builder;
    }
}
