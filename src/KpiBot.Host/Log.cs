namespace KpiBot.Host;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Database migrations applied.")]
    public static partial void Migrated(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "The store has no goals and the sample goals at {Path} could not be imported: {Problems}")]
    public static partial void SampleNotImported(ILogger logger, string path, string problems);

    [LoggerMessage(4, LogLevel.Information, "Imported goals file {Path} as version {Version}.")]
    public static partial void GoalsImported(ILogger logger, string path, long version);

    [LoggerMessage(5, LogLevel.Information, "Dispatcher: {Due} due, {Claimed} claimed, {Stranded} re-queued.")]
    public static partial void Dispatched(ILogger logger, int due, int claimed, int stranded);

    [LoggerMessage(6, LogLevel.Warning, "No chat platform is configured (Slack or Teams): no prompts are sent.")]
    public static partial void NoChatPlatform(ILogger logger);
}
