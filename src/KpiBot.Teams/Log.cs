using Microsoft.Extensions.Logging;

namespace KpiBot.Teams;

/// <summary>The Teams adapter's log lines. Never a token, a secret or a message's text.</summary>
internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Warning, "Teams request refused ({Status}): {Reason}.")]
    public static partial void Refused(ILogger logger, int status, string reason);

    [LoggerMessage(102, LogLevel.Debug, "Teams activity ignored: {Reason}.")]
    public static partial void Ignored(ILogger logger, string reason);

    [LoggerMessage(109, LogLevel.Error, "Teams: a {Kind} could not be carried out; the person was asked to send it again.")]
    public static partial void EngineFailed(ILogger logger, Exception exception, string kind);

    [LoggerMessage(103, LogLevel.Warning, "Teams {Operation} not delivered: {Outcome}.")]
    public static partial void NotDelivered(ILogger logger, string operation, string outcome);

    [LoggerMessage(105, LogLevel.Information, "Teams: bot added to {Scope} in tenant {TenantId}; {Linked} of {Members} members linked to people by email.")]
    public static partial void Installed(ILogger logger, string scope, string tenantId, int linked, int members);

    [LoggerMessage(106, LogLevel.Information, "Teams: bot removed from a {Scope} conversation in tenant {TenantId}.")]
    public static partial void Uninstalled(ILogger logger, string scope, string tenantId);

    [LoggerMessage(107, LogLevel.Debug, "Teams activity {ActivityId} seen before; ignored.")]
    public static partial void Repeated(ILogger logger, string activityId);

    [LoggerMessage(108, LogLevel.Debug, "Teams request accepted without authentication (Emulator mode, loopback).")]
    public static partial void Unauthenticated(ILogger logger);
}
