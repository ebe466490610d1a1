using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;

namespace KpiBot.Core.Outcomes;

/// <summary>Reported actuals of KGIs and KPIs, with their history. Writes are idempotent per (node, person, period).</summary>
public interface IOutcomeStore
{
    /// <summary>Creates, updates (revision + 1, kept in the history) or leaves unchanged the value of (node, person, period).</summary>
    Task<CheckInRecordResult> RecordAsync(OutcomeEntry entry, string changedBy, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The value of (node, person, period), or null.</summary>
    Task<OutcomeEntry?> GetAsync(string nodeId, string? personId, DateOnly periodStart, CancellationToken cancellationToken);

    /// <summary>Every change of one value, oldest first.</summary>
    Task<IReadOnlyList<OutcomeChange>> HistoryAsync(string nodeId, string? personId, DateOnly periodStart, CancellationToken cancellationToken);

    /// <summary>
    /// Sums per (person, node) over the periods that start in <paramref name="window"/>, aggregated in the store.
    /// Values reported for the whole node come with an empty person id.
    /// </summary>
    Task<IReadOnlyList<ActualTotal>> GetTotalsAsync(PeriodWindow window, IReadOnlyCollection<string> nodeIds, CancellationToken cancellationToken);
}
