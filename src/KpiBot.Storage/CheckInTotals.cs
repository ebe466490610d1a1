using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>
/// Totals per (person, node) over a window, computed by the database in one grouped query: the sum and
/// count of the scaled integer values, joined back to the entry of the group's latest day for
/// <see cref="ActualTotal.Latest"/>. No entry is loaded.
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
                LastDay = g.Max(e => e.Day),
            });

        return from g in groups
               join e in _db.CheckInEntries on new { g.PersonId, g.NodeId, Day = g.LastDay }
                   equals new { e.PersonId, e.NodeId, e.Day }
               select new TotalRow(g.PersonId, g.NodeId, g.Sum, g.Count, e.ValueScaled);
    }

    internal sealed record TotalRow(string PersonId, string NodeId, long Sum, int Count, long Latest);
}
