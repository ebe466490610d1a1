using KpiBot.Core.CheckIns;
using KpiBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>
/// Blockers: at most one open per person, enforced by a unique index on person_id filtered to
/// <c>resolved_at IS NULL</c> (both providers), so two hosts raising at once still open only one.
/// </summary>
public sealed class BlockerStore : IBlockerStore
{
    private readonly KpiBotDbContext _db;

    public BlockerStore(KpiBotDbContext db)
    {
        _db = db ?? throw new ArgumentNullException(nameof(db));
    }

    /// <summary>Opens the person's blocker (true), or keeps the open one, replacing its note (false).</summary>
    public async Task<bool> RaiseAsync(string personId, DateOnly day, string? note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        if (await UpdateNoteAsync(personId, note, cancellationToken) > 0)
        {
            return false;
        }

        _db.Blockers.Add(new BlockerRow { PersonId = personId, Day = day, Note = note, RaisedAt = now.ToUniversalTime() });
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Raised at the same moment elsewhere: that one is open now.
            _db.ChangeTracker.Clear();
            await UpdateNoteAsync(personId, note, cancellationToken);
            return false;
        }
        finally
        {
            _db.ChangeTracker.Clear();
        }
    }

    public async Task ResolveAsync(string personId, string resolvedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        ArgumentException.ThrowIfNullOrWhiteSpace(resolvedBy);
        var at = now.ToUniversalTime();
        var open = _db.Blockers.Where(b => b.PersonId == personId && b.ResolvedAt == null);
        // Most answers come with no blocker open: a read, not an UPDATE (which on SQLite takes the write lock).
        if (!await open.AnyAsync(cancellationToken))
        {
            return;
        }

        await open
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.ResolvedAt, at).SetProperty(b => b.ResolvedBy, resolvedBy), cancellationToken);
    }

    /// <summary>The open blockers of these people, by person id.</summary>
    public async Task<IReadOnlyList<Blocker>> OpenAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        if (personIds.Count == 0)
        {
            return [];
        }

        var ids = personIds.ToList();
        var rows = await _db.Blockers.AsNoTracking()
            .Where(b => ids.Contains(b.PersonId) && b.ResolvedAt == null)
            .Select(b => new { b.PersonId, b.Day, b.Note, b.RaisedAt })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(b => b.PersonId, StringComparer.Ordinal)
            .Select(b => new Blocker(b.PersonId, b.Day, b.Note, b.RaisedAt))
            .ToList();
    }

    private Task<int> UpdateNoteAsync(string personId, string? note, CancellationToken cancellationToken) =>
        _db.Blockers.Where(b => b.PersonId == personId && b.ResolvedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Note, note), cancellationToken);
}
