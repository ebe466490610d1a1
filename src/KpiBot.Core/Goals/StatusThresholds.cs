namespace KpiBot.Core.Goals;

/// <summary>
/// Pace thresholds for the status of a node: pace ≥ <see cref="OnTrack"/> is on-track, pace ≥
/// <see cref="AtRisk"/> is at-risk, below is off-track. For ratio, average and latest KPIs the same
/// thresholds apply to actual ÷ target. Until <see cref="JudgeAfterDays"/> working days of a window have
/// passed, nothing is judged: the status is "too early to tell".
/// </summary>
public sealed record StatusThresholds(decimal OnTrack = 0.95m, decimal AtRisk = 0.80m, int JudgeAfterDays = StatusThresholds.DefaultJudgeAfterDays)
{
    /// <summary>The goals file's default for <c>thresholds.judge_after</c>.</summary>
    public const int DefaultJudgeAfterDays = 3;

    public static readonly StatusThresholds Default = new();
}
