using KpiBot.Core.Chat;
using KpiBot.Teams;
using KpiBot.Teams.Inbound;
using Microsoft.Extensions.Options;

namespace KpiBot.Host.Hosting;

/// <summary>
/// Microsoft Teams in the host: on when <c>Teams:AppId</c> is set, or in the Emulator mode (no app id,
/// <c>Teams:AllowUnauthenticatedLocal=true</c>, Development environment). Then the adapter's services, its
/// chat port for <see cref="Platforms.Teams"/> and POST /api/messages; otherwise nothing of Teams at all.
/// </summary>
public static partial class TeamsPlatform
{
    public static WebApplicationBuilder AddTeamsPlatform(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(TeamsOptions.SectionName);
        var hasAppId = !string.IsNullOrWhiteSpace(section[nameof(TeamsOptions.AppId)]);
        var emulator = !hasAppId && section.GetValue<bool>(nameof(TeamsOptions.AllowUnauthenticatedLocal)) && builder.Environment.IsDevelopment();
        if (hasAppId || emulator)
        {
            builder.Services.AddTeamsAdapter().AddTeamsInbound();
            builder.Services.AddChatPlatform<TeamsChatPort, TeamsProfileSource>();
        }

        return builder;
    }

    /// <summary>Maps /api/messages when Teams is on, and says in one line at start what is on or off.</summary>
    public static WebApplication MapTeamsPlatform(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsPlatform).FullName!);
        var emulator = app.Services.GetService<TeamsEmulatorMode>();
        if (emulator is null)
        {
            var allow = app.Configuration.GetValue<bool>($"{TeamsOptions.SectionName}:{nameof(TeamsOptions.AllowUnauthenticatedLocal)}");
            LogOff(logger, allow ? " (Teams:AllowUnauthenticatedLocal is honoured only in the Development environment)" : "");
            return app;
        }

        app.MapTeamsEndpoints();
        var options = app.Services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        if (emulator.Enabled)
        {
            LogEmulator(logger, TeamsEndpoints.Route);
        }
        else
        {
            LogOn(
                logger,
                TeamsEndpoints.Route,
                options.AppId!,
                string.IsNullOrWhiteSpace(options.TenantId) ? "multi-tenant" : "single-tenant " + options.TenantId,
                string.IsNullOrWhiteSpace(options.AppPassword) ? "; Teams:AppPassword is not set, so nothing can be sent" : "",
                options.AllowUnauthenticatedLocal ? "; Teams:AllowUnauthenticatedLocal is ignored because an app id is set" : "");
            if (string.IsNullOrWhiteSpace(options.TenantId))
            {
                LogAnyTenant(logger);
            }
        }

        return app;
    }

    [LoggerMessage(201, LogLevel.Information, "Teams is off: Teams:AppId is not set{Note}.")]
    private static partial void LogOff(ILogger logger, string note);

    [LoggerMessage(202, LogLevel.Information, "Teams is on at POST {Route} for app {AppId} ({Tenancy}){PasswordNote}{EmulatorNote}.")]
    private static partial void LogOn(ILogger logger, string route, string appId, string tenancy, string passwordNote, string emulatorNote);

    [LoggerMessage(204, LogLevel.Warning, "Teams:TenantId is not set (a multi-tenant bot): activities from every Microsoft 365 organisation are accepted, and anyone can package an app with this bot's id and install it in their own tenant. Register a single-tenant bot and set Teams:TenantId to serve your organisation only (docs/teams.md, Tenant isolation).")]
    private static partial void LogAnyTenant(ILogger logger);

    [LoggerMessage(203, LogLevel.Warning, "Teams is in the Emulator mode at POST {Route}: unauthenticated requests from this machine are accepted (Development only, no app id).")]
    private static partial void LogEmulator(ILogger logger, string route);
}
