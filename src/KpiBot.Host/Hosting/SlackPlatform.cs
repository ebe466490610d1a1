using KpiBot.Core.Chat;
using KpiBot.Host.Jobs;
using KpiBot.Slack;
using KpiBot.Slack.Api;
using KpiBot.Slack.Install;
using KpiBot.Slack.People;
using KpiBot.Slack.SocketMode;
using Microsoft.Extensions.Options;

namespace KpiBot.Host.Hosting;

/// <summary>
/// Slack in the host: on when the <c>Slack</c> section has a signing secret, a bot token, an app token or a
/// client id. Registers the adapter, its chat port and the shared inbound handling, maps <c>/slack/events</c>,
/// and says in one log line at start what works and what is off for lack of which setting.
/// </summary>
public static partial class SlackPlatform
{
    public static WebApplicationBuilder AddSlackPlatform(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(SlackOptions.Section).Get<SlackOptions>();
        if (!IsConfigured(options))
        {
            return builder;
        }

        builder.Services.AddSlack();
        builder.Services.AddSlackInstall();        // per-workspace tokens from OAuth installs, falling back to Slack:BotToken
        builder.Services.AddSlackSocketMode();     // connects only when Slack:AppToken is set
        builder.Services.AddSlackPeople();         // the goals file's people found in Slack by email
        builder.Services.AddChatPlatform<SlackChatPort, SlackProfileSource>();
        builder.Services.AddSlackInboundHandling();
        builder.Services.AddInboundHousekeeping();
        if (CanSend(options))
        {
            builder.Services.AddSlackDirectorySync();
        }

        builder.Services.AddSingleton<SlackPlatformMarker>();
        return builder;
    }

    public static WebApplication MapSlackPlatform(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackPlatform));
        if (app.Services.GetService<SlackPlatformMarker>() is null)
        {
            Off(logger);
            return app;
        }

        app.MapSlackEndpoints();
        app.MapSlackInstallEndpoints();
        var options = app.Services.GetRequiredService<IOptions<SlackOptions>>().Value;
        Started(
            logger,
            string.IsNullOrEmpty(options.SigningSecret) ? "refused (Slack:SigningSecret missing)" : "on at /slack/events",
            !string.IsNullOrEmpty(options.BotToken) ? "on (Slack:BotToken)"
                : !string.IsNullOrEmpty(options.ClientId) ? "only to workspaces installed through OAuth (no Slack:BotToken)"
                : "off (no Slack:BotToken and no Slack:ClientId: nothing is sent)",
            string.IsNullOrEmpty(options.AppToken) ? "off (Slack:AppToken missing)" : "on (connecting out with Slack:AppToken)",
            string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret) ? "off (Slack:ClientId / Slack:ClientSecret missing)" : "on at /slack/install");
        return app;
    }

    private static bool IsConfigured(SlackOptions? o) =>
        o is not null && !(string.IsNullOrEmpty(o.SigningSecret) && string.IsNullOrEmpty(o.BotToken) && string.IsNullOrEmpty(o.AppToken) && string.IsNullOrEmpty(o.ClientId));

    /// <summary>Something can be sent: a configured bot token or OAuth installs (the directory sync needs one of them).</summary>
    private static bool CanSend(SlackOptions? o) => o is not null && !(string.IsNullOrEmpty(o.BotToken) && string.IsNullOrEmpty(o.ClientId));

    [LoggerMessage(100, LogLevel.Information, "Slack: HTTP requests {Http}; sending {Sending}; Socket Mode {SocketMode}; OAuth install {OAuth}.")]
    private static partial void Started(ILogger logger, string http, string sending, string socketMode, string oAuth);

    [LoggerMessage(101, LogLevel.Information, "Slack is off: no Slack settings (Slack:SigningSecret, Slack:BotToken, Slack:AppToken or Slack:ClientId).")]
    private static partial void Off(ILogger logger);

    /// <summary>Tells <see cref="MapSlackPlatform"/> that <see cref="AddSlackPlatform"/> turned Slack on.</summary>
    private sealed class SlackPlatformMarker;
}
