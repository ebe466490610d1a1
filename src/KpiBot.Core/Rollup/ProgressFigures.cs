using KpiBot.Core.Goals;

namespace KpiBot.Core.Rollup;

/// <summary>
/// How one node (or one person's part of it) stands over its window on the as-of date. Unrounded
/// decimals; only formatting rounds. See <see cref="ProgressMath"/> for every formula.
/// </summary>
/// <param name="Actual">What was done in the window, in the node's unit.</param>
/// <param name="Target">What the window asks for (pro-rated by working days when the window is not the node's period).</param>
/// <param name="ProgressPercent">Actual ÷ target × 100; null when the target is 0.</param>
/// <param name="Expected">Target × working days elapsed ÷ working days in the window (for ratio, average and latest KPIs: the target).</param>
/// <param name="Pace">Actual ÷ expected; null when nothing is expected yet, and for ratio, average and latest KPIs.</param>
/// <param name="NeededPerWorkingDay">What each working day left after the as-of date must bring to reach the target; null when none is left.</param>
/// <param name="Forecast">Actual at this rate by the end of the window; summed quantities only.</param>
/// <param name="Status">From pace (or attainment) and the organisation's thresholds.</param>
/// <param name="WorkingDaysElapsed">Working days from the window's start to the as-of date, both included.</param>
/// <param name="WorkingDaysTotal">Working days in the window.</param>
public sealed record ProgressFigures(
    decimal Actual,
    decimal Target,
    decimal? ProgressPercent,
    decimal Expected,
    decimal? Pace,
    decimal? NeededPerWorkingDay,
    decimal? Forecast,
    ProgressStatus Status,
    int WorkingDaysElapsed,
    int WorkingDaysTotal)
{
    /// <summary>Actual ÷ target (progress as a fraction, for bars); null when the target is 0.</summary>
    public decimal? Fraction => ProgressPercent / 100m;
}
