using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>
/// Insert-or-update by a unique key without a transaction: update the row if it is there, else insert it,
/// and when another request inserted the same key in between (a unique violation), update that row.
/// </summary>
internal static class Upserts
{
    public static async Task UpdateOrInsertAsync<TRow>(
        KpiBotDbContext db, Func<Task<int>> update, Func<TRow> newRow, CancellationToken cancellationToken)
        where TRow : class
    {
        if (await update() > 0)
        {
            return;
        }

        db.Set<TRow>().Add(newRow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            await update();
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
