using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Core.Outcomes;
using KpiBot.Storage.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KpiBot.Storage;

/// <summary>
/// Reported actuals of KGIs and KPIs, one per (node, period) or (node, period, person), with a revision and an
/// audit row per change. Concurrent writers of one key queue up (a row lock on PostgreSQL, BEGIN IMMEDIATE on
/// SQLite) or lose an insert race and retry, as <see cref="CheckInStore"/> does.
/// </summary>
public sealed class OutcomeStore(KpiBotDbContext db) : IOutcomeStore
{
    private const int MaxAttempts = 5;
    private static readonly string[] OutcomeKinds = [nameof(GoalKind.Kgi), nameof(GoalKind.Kpi)];
    private readonly KpiBotDbContext _db = db ?? throw new ArgumentNullException(nameof(db));

    public async Task<CheckInRecordResult> RecordAsync(OutcomeEntry entry, string changedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        if (!ScaledValue.TryScale(entry.Value, ScaledValue.MaxCheckInValue, out var scaled, out var why))
        {
            return new CheckInRecordResult(CheckInOutcome.InvalidValue, Rejection: why);
        }

        if (entry.PersonId is { } personId && !await _db.People.AnyAsync(p => p.Id == personId && p.ArchivedAt == null, cancellationToken))
        {
            return new CheckInRecordResult(CheckInOutcome.UnknownPerson);
        }

        if (!await _db.GoalNodes.AnyAsync(n => n.Id == entry.NodeId && n.ArchivedAt == null && OutcomeKinds.Contains(n.Kind), cancellationToken))
        {
            return new CheckInRecordResult(CheckInOutcome.UnknownNode);
        }

        return await RevisedWrites.RetryingAsync(_db, MaxAttempts, IsLostRace,
            () => RecordOnceAsync(entry, scaled, changedBy, now.ToUniversalTime(), cancellationToken));
    }

    public async Task<OutcomeEntry?> GetAsync(string nodeId, string? personId, DateOnly periodStart, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        var row = await Key(_db.OutcomeReports.AsNoTracking(), nodeId, personId, periodStart).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToEntry(row);
    }

    public async Task<IReadOnlyList<OutcomeChange>> HistoryAsync(string nodeId, string? personId, DateOnly periodStart, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        var audit = _db.OutcomeAudit.AsNoTracking().Where(a => a.NodeId == nodeId && a.PeriodStart == periodStart);
        audit = personId is null ? audit.Where(a => a.PersonId == null) : audit.Where(a => a.PersonId == personId);
        var rows = await audit.OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return rows.Select(a => new OutcomeChange(
                a.Revision,
                a.OldValueScaled is { } old ? ScaledValue.Unscale(old) : null,
                ScaledValue.Unscale(a.NewValueScaled),
                a.Note,
                a.ChangedBy,
                a.Source,
                a.ChangedAt))
            .ToList();
    }

    public async Task<IReadOnlyList<ActualTotal>> GetTotalsAsync(PeriodWindow window, IReadOnlyCollection<string> nodeIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        if (nodeIds.Count == 0)
        {
            return [];
        }

        var reports = _db.OutcomeReports.AsNoTracking()
            .Where(r => r.PeriodStart >= window.Start && r.PeriodStart <= window.End && nodeIds.Contains(r.NodeId));
        var groups = reports
            .GroupBy(r => new { PersonId = r.PersonId ?? string.Empty, r.NodeId })
            .Select(g => new { g.Key.PersonId, g.Key.NodeId, Sum = g.Sum(r => r.ValueScaled), Count = g.Count(), Last = g.Max(r => r.PeriodStart) });
        var rows = await (
                from g in groups
                join r in _db.OutcomeReports on new { g.NodeId, g.PersonId, PeriodStart = g.Last }
                    equals new { r.NodeId, PersonId = r.PersonId ?? string.Empty, r.PeriodStart }
                select new { g.PersonId, g.NodeId, g.Sum, g.Count, Latest = r.ValueScaled })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new ActualTotal(r.PersonId, r.NodeId, ScaledValue.Unscale(r.Sum), r.Count, ScaledValue.Unscale(r.Latest)))
            .ToList();
    }

    private static IQueryable<OutcomeReportRow> Key(IQueryable<OutcomeReportRow> rows, string nodeId, string? personId, DateOnly periodStart)
    {
        rows = rows.Where(r => r.NodeId == nodeId && r.PeriodStart == periodStart);
        return personId is null ? rows.Where(r => r.PersonId == null) : rows.Where(r => r.PersonId == personId);
    }

    private static OutcomeEntry ToEntry(OutcomeReportRow row) =>
        new(row.NodeId, row.PersonId, row.PeriodStart, ScaledValue.Unscale(row.ValueScaled), row.Note, row.Source, row.Revision);

    private Task<CheckInRecordResult> RecordOnceAsync(
        OutcomeEntry entry, long scaled, string changedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var key = _db.Database.IsNpgsql()
            ? _db.OutcomeReports.FromSqlInterpolated(
                $"SELECT * FROM outcome_reports WHERE node_id = {entry.NodeId} AND period_start = {entry.PeriodStart} AND person_id IS NOT DISTINCT FROM {entry.PersonId} FOR UPDATE")
            : Key(_db.OutcomeReports, entry.NodeId, entry.PersonId, entry.PeriodStart);
        var audit = new OutcomeAuditRow
        {
            NodeId = entry.NodeId,
            PersonId = entry.PersonId,
            PeriodStart = entry.PeriodStart,
            NewValueScaled = scaled,
            Note = entry.Note,
            ChangedBy = changedBy,
            Source = entry.Source,
            ChangedAt = at,
        };
        return RevisedWrites.WriteAsync(
            _db,
            key,
            audit,
            at,
            () => new OutcomeReportRow
            {
                NodeId = entry.NodeId,
                PersonId = entry.PersonId,
                PeriodStart = entry.PeriodStart,
                ValueScaled = scaled,
                Note = entry.Note,
                Source = entry.Source,
            },
            row => row.ValueScaled == scaled && row.Note == entry.Note,
            (row, change) =>
            {
                row.ValueScaled = scaled;
                row.Note = entry.Note;
                row.Source = entry.Source;
            },
            (change, id) => change.ReportId = id,
            cancellationToken);
    }

    private static bool IsLostRace(DbUpdateException ex) =>
        ex is DbUpdateConcurrencyException
        || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
        || ex.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };
}
