using System.Runtime.CompilerServices;
using KpiBot.Core.Calendar;
using KpiBot.Core.Reporting;
using KpiBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>
/// Check-ins for the API and exports, in (day, id) order over the <c>(day, id)</c> index: a page is a keyset
/// query (<c>WHERE (day, id) &gt; (cursor) ORDER BY day, id LIMIT n</c>), a stream is one query read row by row.
/// Also the per-(node, day) totals of check-ins and reported values for histories.
/// </summary>
public sealed class CheckInQuery(KpiBotDbContext db) : ICheckInQuery, IDailyTotals
{
    private readonly KpiBotDbContext _db = db ?? throw new ArgumentNullException(nameof(db));

    public async Task<IReadOnlyList<CheckInRecord>> PageAsync(CheckInFilter filter, CheckInCursor? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var rows = Filtered(filter);
        if (after is { } cursor)
        {
            rows = rows.Where(e => e.Day > cursor.Day || (e.Day == cursor.Day && e.Id > cursor.Id));
        }

        var page = await rows.OrderBy(e => e.Day).ThenBy(e => e.Id).Take(limit).ToListAsync(cancellationToken);
        return page.Select(ToRecord).ToList();
    }

    public async IAsyncEnumerable<CheckInRecord> StreamAsync(CheckInFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await foreach (var row in Filtered(filter).OrderBy(e => e.Day).ThenBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return ToRecord(row);
        }
    }

    public async Task<IReadOnlyList<DailyTotal>> GetDailyTotalsAsync(PeriodWindow window, IReadOnlyCollection<string> nodeIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        if (nodeIds.Count == 0)
        {
            return [];
        }

        var checkIns = await _db.CheckInEntries.AsNoTracking()
            .Where(e => e.Day >= window.Start && e.Day <= window.End && nodeIds.Contains(e.NodeId))
            .GroupBy(e => new { e.NodeId, e.Day })
            .Select(g => new { g.Key.NodeId, g.Key.Day, Sum = g.Sum(e => e.ValueScaled), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var reported = await _db.OutcomeReports.AsNoTracking()
            .Where(r => r.PeriodStart >= window.Start && r.PeriodStart <= window.End && nodeIds.Contains(r.NodeId))
            .GroupBy(r => new { r.NodeId, r.PeriodStart })
            .Select(g => new { g.Key.NodeId, Day = g.Key.PeriodStart, Sum = g.Sum(r => r.ValueScaled), Count = g.Count() })
            .ToListAsync(cancellationToken);
        return checkIns.Concat(reported)
            .Select(r => new DailyTotal(r.NodeId, r.Day, ScaledValue.Unscale(r.Sum), r.Count))
            .ToList();
    }

    private IQueryable<CheckInEntryRow> Filtered(CheckInFilter filter)
    {
        var rows = _db.CheckInEntries.AsNoTracking().Where(e => e.Day >= filter.From && e.Day <= filter.To);
        if (filter.PersonIds is { } people)
        {
            rows = rows.Where(e => people.Contains(e.PersonId));
        }

        if (filter.NodeIds is { } nodes)
        {
            rows = rows.Where(e => nodes.Contains(e.NodeId));
        }

        return rows;
    }

    private static CheckInRecord ToRecord(CheckInEntryRow row) => new(
        row.Id, row.PersonId, row.NodeId, row.Day, ScaledValue.Unscale(row.ValueScaled), row.Note, row.Blocker, row.Source, row.Revision, row.UpdatedAt);
}
