using Microsoft.Extensions.Logging;

namespace KpiBot.Slack;

internal static partial class Log
{
    [LoggerMessage(2, LogLevel.Warning, "Slack: the work queue is full; a {Kind} was dropped.")]
    public static partial void QueueFull(ILogger logger, string kind);

    [LoggerMessage(9, LogLevel.Error, "Slack: a {Kind} could not be carried out; the person was asked to send it again.")]
    public static partial void EngineFailed(ILogger logger, Exception exception, string kind);

    [LoggerMessage(3, LogLevel.Warning, "Slack: {Method} failed for workspace {TeamId}: {Error}")]
    public static partial void CallFailed(ILogger logger, string method, string teamId, string error);

    [LoggerMessage(4, LogLevel.Information, "Slack: request refused ({Reason}).")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(5, LogLevel.Information, "Slack: malformed request ({Reason}).")]
    public static partial void Malformed(ILogger logger, string reason);

    [LoggerMessage(6, LogLevel.Debug, "Slack: event {EventId} seen before; acknowledged and ignored.")]
    public static partial void Repeated(ILogger logger, string eventId);

    [LoggerMessage(7, LogLevel.Warning, "Slack: sending to {Target} failed: {Outcome}")]
    public static partial void NotSent(ILogger logger, string target, string outcome);

    [LoggerMessage(8, LogLevel.Information, "Slack: directory of workspace {TeamId} synced: {Seen} users seen, {Matched} matched to people, {Linked} newly linked.")]
    public static partial void DirectorySynced(ILogger logger, string teamId, int seen, int matched, int linked);

    [LoggerMessage(10, LogLevel.Warning, "Slack: a {Kind} from workspace {TeamId} was refused: KpiBot does not serve that workspace (not Slack:BotToken's, not installed).")]
    public static partial void OtherWorkspace(ILogger logger, string teamId, string kind);
}
