using Microsoft.Extensions.Logging;

namespace KpiBot.Slack.SocketMode;

/// <summary>Socket Mode's log lines. Never the app token, never the WebSocket URL (its query carries a ticket): only its host.</summary>
internal static partial class SocketModeLog
{
    [LoggerMessage(1001, LogLevel.Information, "Slack Socket Mode: connected to {Host}.")]
    public static partial void Connected(ILogger logger, string host);

    [LoggerMessage(1002, LogLevel.Information, "Slack Socket Mode: Slack asked to reconnect ({Reason}).")]
    public static partial void DisconnectRequested(ILogger logger, string reason);

    [LoggerMessage(1003, LogLevel.Warning, "Slack Socket Mode: the connection was lost ({Problem}); reconnecting in {Delay}.")]
    public static partial void ConnectionLost(ILogger logger, string problem, TimeSpan delay);

    [LoggerMessage(1004, LogLevel.Error, "Slack Socket Mode: apps.connections.open refused the app token ({Error}). Check Slack:AppToken (an app-level token xapp-… with connections:write, for this app, Socket Mode on). Trying again in {Delay}.")]
    public static partial void AppTokenRefused(ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(1005, LogLevel.Warning, "Slack Socket Mode: apps.connections.open failed ({Error}); trying again in {Delay}.")]
    public static partial void OpenFailed(ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(1006, LogLevel.Warning, "Slack Socket Mode: envelope {EnvelopeId} ({Type}) not understood: {Reason}. Acknowledged and dropped.")]
    public static partial void Malformed(ILogger logger, string envelopeId, string? type, string reason);

    [LoggerMessage(1007, LogLevel.Error, "Slack Socket Mode: handling envelope {EnvelopeId} ({Type}) failed; acknowledged without a payload.")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string envelopeId, string? type);

    [LoggerMessage(1008, LogLevel.Warning, "Slack Socket Mode: a frame that is not a Slack envelope was dropped.")]
    public static partial void UnreadableFrame(ILogger logger);

    [LoggerMessage(1009, LogLevel.Warning, "Slack Socket Mode: the handler's answer to envelope {EnvelopeId} is not JSON; acknowledged without a payload.")]
    public static partial void InvalidAckPayload(ILogger logger, string envelopeId);

    [LoggerMessage(1010, LogLevel.Information, "Slack Socket Mode: stopped.")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(1011, LogLevel.Debug, "Slack Socket Mode is off: Slack:AppToken is not set.")]
    public static partial void Off(ILogger logger);

    [LoggerMessage(1012, LogLevel.Debug, "Slack Socket Mode: envelope {EnvelopeId} ({Type}) is Slack's retry {RetryAttempt} ({RetryReason}).")]
    public static partial void Retry(ILogger logger, string envelopeId, string? type, int retryAttempt, string? retryReason);
}
