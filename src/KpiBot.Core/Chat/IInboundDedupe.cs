namespace KpiBot.Core.Chat;

/// <summary>
/// Remembers inbound deliveries a platform may repeat (a Slack event's <c>event_id</c> on retry), so a repeat
/// is acknowledged and ignored on any host. Entries older than a day are purged by a background job.
/// </summary>
public interface IInboundDedupe
{
    /// <summary>True the first time (platform, key) is seen; false for every repeat, on every host.</summary>
    Task<bool> FirstTimeAsync(string platform, string key, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Forgets entries seen before <paramref name="before"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
