using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>
/// Totals per (person, node) over a window, computed by the database in one grouped query: the sum and
/// count of the scaled integer values, and the value of the group's latest day for
/// <see cref="ActualTotal.Latest"/> by one index lookup per group. No entry is loaded.
/// </summary>
public sealed class CheckInTotals : ICheckInTotals
{
    private readonly KpiBotDbContext _db;

    public CheckInTotals(KpiBotDbContext db)
    {
        _db = db ?? throw new ArgumentNullException(nameof(db));
    }

    public async Task<IReadOnlyList<ActualTotal>> GetTotalsAsync(
        PeriodWindow window,
        IReadOnlyCollection<string> nodeIds,
        IReadOnlyCollection<string>? personIds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        if (nodeIds.Count == 0 || personIds is { Count: 0 })
        {
            return [];
        }

        var rows = await Query(window, nodeIds, personIds).ToListAsync(cancellationToken);
        return rows
            .Select(r => new ActualTotal(r.PersonId, r.NodeId, ScaledValue.Unscale(r.Sum), r.Count, ScaledValue.Unscale(r.Latest)))
            .ToList();
    }

    /// <summary>The query behind <see cref="GetTotalsAsync"/>; internal so tests can read its SQL.</summary>
    internal IQueryable<TotalRow> Query(
        PeriodWindow window,
        IReadOnlyCollection<string> nodeIds,
        IReadOnlyCollection<string>? personIds)
    {
        var entries = _db.CheckInEntries.AsNoTracking()
            .Where(e => e.Day >= window.Start && e.Day <= window.End && nodeIds.Contains(e.NodeId));
        if (personIds is not null)
        {
            entries = entries.Where(e => personIds.Contains(e.PersonId));
        }

        var groups = entries
            .GroupBy(e => new { e.PersonId, e.NodeId })
            .Select(g => new
            {
                g.Key.PersonId,
                g.Key.NodeId,
                Sum = g.Sum(e => e.ValueScaled),
                Count = g.Count(),
            });

        // The latest value by one lookup per group on the unique (person, node, day) index, newest first: joined
        // back instead, PostgreSQL hashed the whole table on every call (it guesses far too few groups).
        return groups.Select(g => new TotalRow(
            g.PersonId,
            g.NodeId,
            g.Sum,
            g.Count,
            _db.CheckInEntries
                .Where(e => e.PersonId == g.PersonId && e.NodeId == g.NodeId && e.Day >= window.Start && e.Day <= window.End)
                .OrderByDescending(e => e.Day)
                .Select(e => e.ValueScaled)
                .FirstOrDefault()));
    }

    internal sealed record TotalRow(string PersonId, string NodeId, long Sum, int Count, long Latest);
}
