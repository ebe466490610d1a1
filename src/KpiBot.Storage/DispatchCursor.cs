using KpiBot.Core.Delivery;
using KpiBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>
/// The dispatcher's cursor in one row. Advancing is a single upsert that keeps the larger value, so hosts
/// whose runs overlap (or whose clocks differ a little) never move it back.
/// </summary>
public sealed class DispatchCursor(KpiBotDbContext db) : IDispatchCursor
{
    public async Task<DateTimeOffset?> GetAsync(CancellationToken cancellationToken)
    {
        var row = await db.DispatchCursor.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.PositionUnixMs);
    }

    public async Task AdvanceAsync(DateTimeOffset to, CancellationToken cancellationToken)
    {
        var position = to.ToUnixTimeMilliseconds();
        var id = DispatchCursorRow.SingletonId;
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO dispatch_cursor (id, position_unix_ms) VALUES ({id}, {position}) ON CONFLICT (id) DO UPDATE SET position_unix_ms = GREATEST(dispatch_cursor.position_unix_ms, excluded.position_unix_ms)",
                cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO dispatch_cursor (id, position_unix_ms) VALUES ({id}, {position}) ON CONFLICT (id) DO UPDATE SET position_unix_ms = MAX(dispatch_cursor.position_unix_ms, excluded.position_unix_ms)",
                cancellationToken);
        }
    }
}
