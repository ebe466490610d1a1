using KpiBot.Core.Calendar;

namespace KpiBot.Core.Reporting;

/// <summary>What was recorded for one node on one day, everyone together (reported values on their period's first day).</summary>
public sealed record DailyTotal(string NodeId, DateOnly Day, decimal Sum, int Count);

/// <summary>Totals per (node, day) over a window, aggregated in the store (GROUP BY node and day), for histories and charts.</summary>
public interface IDailyTotals
{
    Task<IReadOnlyList<DailyTotal>> GetDailyTotalsAsync(PeriodWindow window, IReadOnlyCollection<string> nodeIds, CancellationToken cancellationToken);
}
