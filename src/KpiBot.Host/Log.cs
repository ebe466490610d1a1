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
    [LoggerMessage(40, LogLevel.Error, "Inbound {Platform} work ({Kind}) failed.")]
    public static partial void InboundFailed(ILogger logger, Exception exception, string platform, string kind);

    [LoggerMessage(41, LogLevel.Warning, "Stopping: inbound {Platform} work ({Kind}) has no durable form and is lost.")]
    public static partial void InboundLost(ILogger logger, string platform, string kind);

    [LoggerMessage(42, LogLevel.Error, "Stopping: inbound {Platform} work ({Kind}) could not be handed to the job storage and is lost.")]
    public static partial void HandOverFailed(ILogger logger, Exception exception, string platform, string kind);

    [LoggerMessage(43, LogLevel.Information, "Stopping: {Handed} inbound work items not started were handed to durable jobs, {Lost} lost.")]
    public static partial void HandedOver(ILogger logger, int handed, int lost);

    [LoggerMessage(7, LogLevel.Warning, "KpiBot:PublicBaseUrl is not set: weekly digests in Teams go out without their chart, and the dashboard command cannot give sign-in links. Set it to the address people reach this host at.")]
    public static partial void NoPublicBaseUrl(ILogger logger);

    [LoggerMessage(8, LogLevel.Warning, "The Data Protection key ring is stored unencrypted in the database: whoever can read the database can decrypt the workspace tokens stored there. Set DataProtection:CertificatePath (with DataProtection:CertificatePassword) or DataProtection:CertificateThumbprint (docs/configuration.md).")]
    public static partial void KeyRingNotEncrypted(ILogger logger);
}
