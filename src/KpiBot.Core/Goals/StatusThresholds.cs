namespace KpiBot.Core.Goals;

/// <summary>
/// Pace thresholds for the status of a node: pace ≥ <see cref="OnTrack"/> is on-track, pace ≥
/// <see cref="AtRisk"/> is at-risk, below is off-track. For ratio, average and latest KPIs the same
/// thresholds apply to actual ÷ target.
/// </summary>
public sealed record StatusThresholds(decimal OnTrack = 0.95m, decimal AtRisk = 0.80m)
{
    public static readonly StatusThresholds Default = new();
}
