using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Storage.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KpiBot.Storage;

/// <summary>
/// Records check-in values, one entry per (person, node, day), with a revision and an audit row per change.
/// Safe under concurrent writers: a lost insert race (unique key) or a lost update race (revision token)
/// is retried, so one writer creates and the others update or find nothing to change.
/// </summary>
public sealed class CheckInStore : ICheckInRepository
{
    private const int MaxAttempts = 5;

    // The node kinds values are recorded for, as constants in the SQL (a static array would be a parameter list,
    // whose SQL EF Core rebuilds on every execution).
    private const string KdiKind = nameof(GoalKind.Kdi);
    private const string KpiKind = nameof(GoalKind.Kpi);
    private readonly KpiBotDbContext _db;

    public CheckInStore(KpiBotDbContext db)
    {
        _db = db ?? throw new ArgumentNullException(nameof(db));
    }

    public async Task<CheckInRecordResult> RecordAsync(
        CheckInEntry entry,
        string changedBy,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);

        if (!ScaledValue.TryScale(entry.Value, ScaledValue.MaxCheckInValue, out var scaled, out var why))
        {
            return new CheckInRecordResult(CheckInOutcome.InvalidValue, Rejection: why);
        }

        if (!await _db.People.AnyAsync(p => p.Id == entry.PersonId && p.ArchivedAt == null, cancellationToken))
        {
            return new CheckInRecordResult(CheckInOutcome.UnknownPerson);
        }

        if (!await _db.GoalNodes.AnyAsync(
                n => n.Id == entry.NodeId && n.ArchivedAt == null && (n.Kind == KdiKind || n.Kind == KpiKind), cancellationToken))
        {
            return new CheckInRecordResult(CheckInOutcome.UnknownNode);
        }

        return await WriteAsync(entry, scaled, changedBy, now.ToUniversalTime(), cancellationToken);
    }

    /// <summary>
    /// One submission's entries with one read each for their people, their nodes and the rows they already have:
    /// an entry whose row already holds its value, note and blocker is answered unchanged from that read, with no
    /// transaction (on SQLite a write transaction takes the database's one write lock); the others are written
    /// as <see cref="RecordAsync"/> writes them. Each id list is one parameter (<c>EF.Parameter</c>: a JSON array on
    /// SQLite, an array on PostgreSQL), so a read's SQL is built once and reused, not rebuilt for every submission.
    /// </summary>
    public async Task<IReadOnlyList<CheckInRecordResult>> RecordAllAsync(
        IReadOnlyList<CheckInEntry> entries,
        string changedBy,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        if (entries.Count == 0)
        {
            return [];
        }

        var personIds = entries.Select(e => e.PersonId).Distinct(StringComparer.Ordinal).ToList();
        var nodeIds = entries.Select(e => e.NodeId).Distinct(StringComparer.Ordinal).ToList();
        var days = entries.Select(e => e.Day).Distinct().ToList();
        var people = (await _db.People.AsNoTracking()
                .Where(p => EF.Parameter(personIds).Contains(p.Id) && p.ArchivedAt == null)
                .Select(p => p.Id)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var nodes = (await _db.GoalNodes.AsNoTracking()
                .Where(n => EF.Parameter(nodeIds).Contains(n.Id) && n.ArchivedAt == null && (n.Kind == KdiKind || n.Kind == KpiKind))
                .Select(n => n.Id)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var rows = people.Count == 0 || nodes.Count == 0
            ? []
            : (await _db.CheckInEntries.AsNoTracking()
                    .Where(e => EF.Parameter(personIds).Contains(e.PersonId) && EF.Parameter(nodeIds).Contains(e.NodeId) && EF.Parameter(days).Contains(e.Day))
                    .Select(e => new { e.PersonId, e.NodeId, e.Day, e.ValueScaled, e.Note, e.Blocker, e.Revision })
                    .ToListAsync(cancellationToken))
                .ToDictionary(e => (e.PersonId, e.NodeId, e.Day));

        var at = now.ToUniversalTime();
        var results = new List<CheckInRecordResult>(entries.Count);
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry);
            if (!ScaledValue.TryScale(entry.Value, ScaledValue.MaxCheckInValue, out var scaled, out var why))
            {
                results.Add(new CheckInRecordResult(CheckInOutcome.InvalidValue, Rejection: why));
            }
            else if (!people.Contains(entry.PersonId))
            {
                results.Add(new CheckInRecordResult(CheckInOutcome.UnknownPerson));
            }
            else if (!nodes.Contains(entry.NodeId))
            {
                results.Add(new CheckInRecordResult(CheckInOutcome.UnknownNode));
            }
            else if (rows.TryGetValue((entry.PersonId, entry.NodeId, entry.Day), out var row)
                     && row.ValueScaled == scaled && row.Note == entry.Note && row.Blocker == entry.Blocker)
            {
                results.Add(new CheckInRecordResult(CheckInOutcome.Unchanged, row.Revision));
            }
            else
            {
                results.Add(await WriteAsync(entry, scaled, changedBy, at, cancellationToken));
            }
        }

        return results;
    }

    private Task<CheckInRecordResult> WriteAsync(
        CheckInEntry entry,
        long scaled,
        string changedBy,
        DateTimeOffset at,
        CancellationToken cancellationToken) =>
        RevisedWrites.RetryingAsync(_db, MaxAttempts, IsLostRace,
            () => RecordOnceAsync(entry, scaled, changedBy, at, cancellationToken));

    public async Task<CheckInEntry?> GetAsync(string personId, string nodeId, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        var row = await _db.CheckInEntries.AsNoTracking()
            .FirstOrDefaultAsync(e => e.PersonId == personId && e.NodeId == nodeId && e.Day == day, cancellationToken);
        return row is null ? null : ToEntry(row);
    }

    private static CheckInEntry ToEntry(CheckInEntryRow row) =>
        new(row.PersonId, row.NodeId, row.Day, ScaledValue.Unscale(row.ValueScaled), row.Note, row.Blocker, row.Source, row.Revision);

    /// <summary>Everything the person recorded for <paramref name="day"/>, any node (index on person and day).</summary>
    public async Task<IReadOnlyList<CheckInEntry>> GetDayAsync(string personId, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        var rows = await _db.CheckInEntries.AsNoTracking()
            .Where(e => e.PersonId == personId && e.Day == day)
            .OrderBy(e => e.NodeId)
            .ToListAsync(cancellationToken);
        return rows.Select(ToEntry).ToList();
    }

    /// <summary>Everything these people recorded on these days, in one query.</summary>
    public async Task<IReadOnlyList<CheckInEntry>> GetDaysAsync(
        IReadOnlyCollection<string> personIds, IReadOnlyCollection<DateOnly> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        ArgumentNullException.ThrowIfNull(days);
        var (ids, dates) = (personIds.Distinct(StringComparer.Ordinal).ToList(), days.Distinct().ToList());
        if (ids.Count == 0 || dates.Count == 0)
        {
            return [];
        }

        var rows = await _db.CheckInEntries.AsNoTracking()
            .Where(e => ids.Contains(e.PersonId) && dates.Contains(e.Day))
            .OrderBy(e => e.PersonId).ThenBy(e => e.Day).ThenBy(e => e.NodeId)
            .ToListAsync(cancellationToken);
        return rows.Select(ToEntry).ToList();
    }

    /// <summary>The latest day before <paramref name="day"/> with any recorded value (one index seek).</summary>
    public async Task<DateOnly?> LastAnsweredDayBeforeAsync(string personId, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        return await _db.CheckInEntries.AsNoTracking()
            .Where(e => e.PersonId == personId && e.Day < day)
            .OrderByDescending(e => e.Day)
            .Select(e => (DateOnly?)e.Day)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Every change of one entry, oldest first.</summary>
    public async Task<IReadOnlyList<CheckInChange>> HistoryAsync(
        string personId,
        string nodeId,
        DateOnly day,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        var rows = await _db.CheckInAudit.AsNoTracking()
            .Where(a => a.PersonId == personId && a.NodeId == nodeId && a.Day == day)
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(a => new CheckInChange(
                a.Revision,
                a.OldValueScaled is { } old ? ScaledValue.Unscale(old) : null,
                ScaledValue.Unscale(a.NewValueScaled),
                a.OldNote,
                a.NewNote,
                a.OldBlocker,
                a.NewBlocker,
                a.ChangedBy,
                a.Source,
                a.ChangedAt))
            .ToList();
    }

    private Task<CheckInRecordResult> RecordOnceAsync(
        CheckInEntry entry,
        long scaled,
        string changedBy,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        // On SQLite the transaction is BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), so writers queue up. On
        // PostgreSQL the existing row is locked (FOR UPDATE), so writers of one key queue up too; only two
        // first inserts can race, and the loser retries once and finds the row.
        var key = _db.Database.IsNpgsql()
            ? _db.CheckInEntries.FromSqlInterpolated(
                $"SELECT * FROM checkin_entries WHERE person_id = {entry.PersonId} AND node_id = {entry.NodeId} AND day = {entry.Day} FOR UPDATE")
            : _db.CheckInEntries.Where(e => e.PersonId == entry.PersonId && e.NodeId == entry.NodeId && e.Day == entry.Day);
        var audit = new CheckInAuditRow
        {
            PersonId = entry.PersonId,
            NodeId = entry.NodeId,
            Day = entry.Day,
            NewValueScaled = scaled,
            NewNote = entry.Note,
            NewBlocker = entry.Blocker,
            ChangedBy = changedBy,
            Source = entry.Source,
            ChangedAt = at,
        };
        return RevisedWrites.WriteAsync(
            _db,
            key,
            audit,
            at,
            () => new CheckInEntryRow
            {
                PersonId = entry.PersonId,
                NodeId = entry.NodeId,
                Day = entry.Day,
                ValueScaled = scaled,
                Note = entry.Note,
                Blocker = entry.Blocker,
                Source = entry.Source,
            },
            row => row.ValueScaled == scaled && row.Note == entry.Note && row.Blocker == entry.Blocker,
            (row, change) =>
            {
                change.OldNote = row.Note;
                change.OldBlocker = row.Blocker;
                row.ValueScaled = scaled;
                row.Note = entry.Note;
                row.Blocker = entry.Blocker;
                row.Source = entry.Source;
            },
            (change, id) => change.EntryId = id,
            cancellationToken);
    }

    /// <summary>Another writer got there first: the key was inserted, or the revision moved on.</summary>
    private static bool IsLostRace(DbUpdateException ex) =>
        ex is DbUpdateConcurrencyException
        || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
        || ex.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 };
}
