using Microsoft.Extensions.Logging;

namespace KpiBot.Slack.Install;

/// <summary>The OAuth install's log lines: workspace ids and Slack's error codes, never a token, a code or the client secret.</summary>
internal static partial class InstallLog
{
    [LoggerMessage(1101, LogLevel.Information, "Slack: installed in workspace {TeamId} by {UserId}.")]
    public static partial void Installed(ILogger logger, string teamId, string? userId);

    [LoggerMessage(1102, LogLevel.Warning, "Slack install refused: state {Check}.")]
    public static partial void StateRefused(ILogger logger, StateCheck check);

    [LoggerMessage(1103, LogLevel.Warning, "Slack install failed: oauth.v2.access answered {Error}.")]
    public static partial void AccessFailed(ILogger logger, string error);

    [LoggerMessage(1104, LogLevel.Warning, "Slack install refused: an organisation-wide (Enterprise Grid) install of {EnterpriseId}; install to each workspace instead.")]
    public static partial void EnterpriseRefused(ILogger logger, string? enterpriseId);

    [LoggerMessage(1105, LogLevel.Information, "Slack: the installation in workspace {TeamId} was removed (app uninstalled or token revoked).")]
    public static partial void Forgotten(ILogger logger, string teamId);

    [LoggerMessage(1106, LogLevel.Error, "Slack: the stored bot token of workspace {TeamId} cannot be decrypted (Data Protection key ring changed?); using Slack:BotToken if set. Install the app again.")]
    public static partial void Undecryptable(ILogger logger, string teamId);

    [LoggerMessage(1107, LogLevel.Debug, "Slack OAuth install is off: Slack:ClientId and Slack:ClientSecret are not both set; /slack/install answers 404.")]
    public static partial void Off(ILogger logger);

    [LoggerMessage(1108, LogLevel.Information, "Slack install cancelled in Slack ({Error}).")]
    public static partial void Cancelled(ILogger logger, string error);
}
