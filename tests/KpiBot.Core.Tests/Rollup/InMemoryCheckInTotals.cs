using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;

namespace KpiBot.Core.Tests.Rollup;

/// <summary>Aggregates entries held in a list the way the store does: per person and node over a window.</summary>
internal sealed class InMemoryCheckInTotals(IEnumerable<CheckInEntry> entries) : ICheckInTotals
{
    private readonly List<CheckInEntry> _entries = entries.ToList();

    public List<PeriodWindow> WindowsAsked { get; } = [];

    public Task<IReadOnlyList<ActualTotal>> GetTotalsAsync(
        PeriodWindow window,
        IReadOnlyCollection<string> nodeIds,
        IReadOnlyCollection<string>? personIds,
        CancellationToken cancellationToken)
    {
        WindowsAsked.Add(window);
        IReadOnlyList<ActualTotal> totals = _entries
            .Where(e => window.Contains(e.Day) && nodeIds.Contains(e.NodeId) && (personIds is null || personIds.Contains(e.PersonId)))
            .GroupBy(e => (e.PersonId, e.NodeId))
            .Select(g => new ActualTotal(g.Key.PersonId, g.Key.NodeId, g.Sum(e => e.Value), g.Count(), g.MaxBy(e => e.Day)!.Value))
            .ToList();
        return Task.FromResult(totals);
    }
}
