using KpiBot.Core.Chat;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>
/// First-time checks for inbound deliveries: one <c>INSERT … ON CONFLICT DO NOTHING</c> on the (platform, key)
/// primary key, so exactly one caller on any host sees "first time", without an exception or a transaction.
/// </summary>
public sealed class InboundDedupe(KpiBotDbContext db) : IInboundDedupe
{
    private readonly KpiBotDbContext _db = db ?? throw new ArgumentNullException(nameof(db));

    public async Task<bool> FirstTimeAsync(string platform, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(platform);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var at = now.UtcDateTime;
        var inserted = await _db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO inbound_seen (platform, "key", seen_at) VALUES ({platform}, {key}, {at}) ON CONFLICT (platform, "key") DO NOTHING""",
            cancellationToken);
        return inserted == 1;
    }

    public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var at = before.UtcDateTime;
        return _db.InboundSeen.Where(s => s.SeenAt < at).ExecuteDeleteAsync(cancellationToken);
    }
}
