using KpiBot.Core.Calendar;

namespace KpiBot.Core.CheckIns;

/// <summary>
/// The port through which rollups read recorded actuals. Implementations aggregate in the store
/// (GROUP BY person and node over the window's work days) and never load individual entries.
/// </summary>
public interface ICheckInTotals
{
    /// <param name="window">Work days to include, both ends included.</param>
    /// <param name="nodeIds">The KDIs / KPIs asked for.</param>
    /// <param name="personIds">Restrict to these people; null for everyone.</param>
    Task<IReadOnlyList<ActualTotal>> GetTotalsAsync(
        PeriodWindow window,
        IReadOnlyCollection<string> nodeIds,
        IReadOnlyCollection<string>? personIds,
        CancellationToken cancellationToken);
}
