using KpiBot.Core.Goals;

namespace KpiBot.Core.Rollup;

/// <summary>
/// The formulas of a rollup, each on its own so each can be checked by hand. All decimal; nothing is
/// rounded here. "Elapsed" counts working days from the window's start to the as-of date with the as-of
/// date included; "left" counts the working days after it.
/// </summary>
public static class ProgressMath
{
    /// <summary>actual ÷ target × 100; null when the target is 0.</summary>
    public static decimal? ProgressPercent(decimal actual, decimal target) =>
        target == 0m ? null : actual * 100m / target;

    /// <summary>target × elapsed ÷ total; 0 when the window has no working day.</summary>
    public static decimal Expected(decimal target, int elapsed, int total) =>
        total <= 0 ? 0m : target * Math.Clamp(elapsed, 0, total) / total;

    /// <summary>actual ÷ expected; null when nothing is expected (expected = 0).</summary>
    public static decimal? Pace(decimal actual, decimal expected) =>
        expected == 0m ? null : actual / expected;

    /// <summary>max(0, target − actual) ÷ working days left; null when no working day is left.</summary>
    public static decimal? NeededPerWorkingDay(decimal actual, decimal target, int daysLeft) =>
        daysLeft <= 0 ? null : Math.Max(0m, target - actual) / daysLeft;

    /// <summary>actual ÷ elapsed × total (the same daily rate to the window's end); null before the first working day.</summary>
    public static decimal? Forecast(decimal actual, int elapsed, int total) =>
        elapsed <= 0 ? null : actual * total / elapsed;

    /// <summary>ratio ≥ OnTrack → on-track; ≥ AtRisk → at-risk; below → off-track. Both boundaries belong to the better status.</summary>
    public static ProgressStatus Classify(decimal ratio, StatusThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (ratio >= thresholds.OnTrack)
        {
            return ProgressStatus.OnTrack;
        }

        return ratio >= thresholds.AtRisk ? ProgressStatus.AtRisk : ProgressStatus.OffTrack;
    }

    /// <summary>
    /// Figures for a summed quantity (calls, appointments, yen): expected, pace, needed and forecast over
    /// working days. A <paramref name="baseline"/> (where a KGI stood when its window began) is not
    /// extrapolated: only the gain since the start is — expected = baseline + (target − baseline) × elapsed ÷
    /// total, pace = gain ÷ expected gain, forecast = baseline + gain ÷ elapsed × total. Not started while the
    /// as-of date is before the window or no working day has passed; too early to tell until
    /// <see cref="StatusThresholds.JudgeAfterDays"/> working days (or the whole window, if shorter) have
    /// passed; a target at or below the baseline with days passed is on-track (nothing was asked).
    /// </summary>
    public static ProgressFigures ForSum(
        decimal actual, decimal target, int elapsed, int total, bool windowStarted, StatusThresholds thresholds, decimal baseline = 0m)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        elapsed = Math.Clamp(elapsed, 0, Math.Max(total, 0));
        var expectedGain = Expected(target - baseline, elapsed, total);
        var pace = expectedGain > 0m ? (actual - baseline) / expectedGain : null as decimal?;
        var status = Judged(windowStarted, elapsed, total, thresholds) is { } early ? early
            : pace is { } p ? Classify(p, thresholds)
            : ProgressStatus.OnTrack;
        return new ProgressFigures(
            actual, target, ProgressPercent(actual, target), baseline + expectedGain, pace,
            NeededPerWorkingDay(actual, target, total - elapsed),
            Forecast(actual - baseline, elapsed, total) is { } gain ? baseline + gain : null,
            status, elapsed, total);
    }

    /// <summary>
    /// Figures for a level (ratio, average, latest): actual ÷ target against the thresholds, with no
    /// pace, needed or forecast — a rate does not accumulate over days. Not started and too early to tell
    /// as for sums: a rate over the first day or two says little.
    /// </summary>
    public static ProgressFigures ForLevel(
        decimal actual, decimal target, int elapsed, int total, bool windowStarted, StatusThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var progress = ProgressPercent(actual, target);
        var status = Judged(windowStarted, Math.Clamp(elapsed, 0, Math.Max(total, 0)), total, thresholds) is { } early ? early
            : progress is { } p ? Classify(p / 100m, thresholds)
            : ProgressStatus.OnTrack;
        return new ProgressFigures(
            actual, target, progress, target, null, null, null, status,
            Math.Clamp(elapsed, 0, Math.Max(total, 0)), total);
    }

    /// <summary>
    /// Not started before the window or its first working day; too early to tell until
    /// <see cref="StatusThresholds.JudgeAfterDays"/> working days have passed (a window with fewer working
    /// days is judged once all of them have); null once a status can be judged.
    /// </summary>
    public static ProgressStatus? Judged(bool windowStarted, int elapsed, int total, StatusThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (!windowStarted || elapsed <= 0)
        {
            return ProgressStatus.NotStarted;
        }

        return elapsed < Math.Min(thresholds.JudgeAfterDays, Math.Max(total, 1)) ? ProgressStatus.TooEarly : null;
    }
}
