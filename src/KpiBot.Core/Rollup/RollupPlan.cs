using KpiBot.Core.Calendar;

namespace KpiBot.Core.Rollup;

/// <summary>The actuals a rollup needs: for each window, the nodes whose totals to fetch (all people).</summary>
public sealed record RollupPlan(IReadOnlyList<ActualsQuery> Queries);

/// <summary>One fetch from <see cref="CheckIns.ICheckInTotals"/>: these nodes over this window.</summary>
public sealed record ActualsQuery(PeriodWindow Window, IReadOnlyList<string> NodeIds);
