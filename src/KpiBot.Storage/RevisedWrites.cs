using KpiBot.Core.CheckIns;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>
/// How a value with a revision and a history (a check-in entry, a reported result) is written, whatever its table:
/// in one transaction the key's row is read — locked on PostgreSQL (<c>FOR UPDATE</c>), BEGIN IMMEDIATE on SQLite —
/// then created (revision 1), left alone when nothing changed, or updated (revision + 1), and the change appended to
/// the history with the row's id and revision. A writer that lost the race to the key tries again with fresh reads.
/// </summary>
internal static class RevisedWrites
{
    /// <summary>Runs <paramref name="once"/>, again after a lost race (at most <paramref name="maxAttempts"/> times), forgetting tracked rows after each try.</summary>
    public static async Task<CheckInRecordResult> RetryingAsync(
        KpiBotDbContext db, int maxAttempts, Func<DbUpdateException, bool> lostRace, Func<Task<CheckInRecordResult>> once)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await once();
            }
            catch (DbUpdateException ex) when (attempt < maxAttempts && lostRace(ex))
            {
                // Another writer got there first: retry with fresh reads.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// One write of a revised value. <paramref name="key"/> reads the key's row (locked where the database can);
    /// <paramref name="audit"/> is the history row with the new value; <paramref name="create"/> makes the first row,
    /// <paramref name="unchanged"/> says the stored row already holds the value, <paramref name="update"/> moves the
    /// old content into the history row and the new into the row, and <paramref name="link"/> gives the history row
    /// the row's id. The revision (1, then + 1 per change), the timestamps, the old value in the history row and the
    /// history row's revision are set here, the same for every table.
    /// </summary>
    public static async Task<CheckInRecordResult> WriteAsync<TRow, TAudit>(
        KpiBotDbContext db,
        IQueryable<TRow> key,
        TAudit audit,
        DateTimeOffset at,
        Func<TRow> create,
        Func<TRow, bool> unchanged,
        Action<TRow, TAudit> update,
        Action<TAudit, long> link,
        CancellationToken cancellationToken)
        where TRow : class, IRevisedRow
        where TAudit : class, IRevisionAudit
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = (await key.ToListAsync(cancellationToken)).SingleOrDefault();
        CheckInOutcome outcome;
        if (row is null)
        {
            row = create();
            row.Revision = 1;
            row.CreatedAt = at;
            row.UpdatedAt = at;
            db.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            outcome = CheckInOutcome.Created;
        }
        else if (unchanged(row))
        {
            return new CheckInRecordResult(CheckInOutcome.Unchanged, row.Revision);
        }
        else
        {
            audit.OldValueScaled = row.ValueScaled;
            update(row, audit);
            row.Revision++;
            row.UpdatedAt = at;
            outcome = CheckInOutcome.Updated;
        }

        link(audit, row.Id);
        audit.Revision = row.Revision;
        db.Add(audit);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CheckInRecordResult(outcome, row.Revision);
    }
}

/// <summary>A row holding a revised value (see <see cref="RevisedWrites"/>).</summary>
internal interface IRevisedRow
{
    long Id { get; }
    long ValueScaled { get; }
    int Revision { get; set; }
    DateTimeOffset CreatedAt { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A history row of a revised value (see <see cref="RevisedWrites"/>).</summary>
internal interface IRevisionAudit
{
    long? OldValueScaled { get; set; }
    int Revision { get; set; }
}
