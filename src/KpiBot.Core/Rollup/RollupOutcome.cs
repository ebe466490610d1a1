using KpiBot.Core.Goals;

namespace KpiBot.Core.Rollup;

/// <summary>
/// For a KGI or KPI whose actual is reported: the reported actual over the node's window (null when nothing
/// was reported in it), the estimate from its KDIs through the conversion rates (a KGI: from its KPIs; null for a
/// KPI that has only reported values), and which of the two is the node's actual and so drives its parent — the
/// reported actual whenever the window has one. <see cref="Rates"/> holds the conversion measured against plan.
/// </summary>
public sealed record RollupOutcome(decimal? Reported, decimal? Estimate, IReadOnlyList<MeasuredRate> Rates)
{
    /// <summary>True when the reported actual is the node's actual (it drives the parent).</summary>
    public bool ReportedDrives => Reported is not null;
}

/// <summary>
/// The conversion actually achieved from one input of a KPI over its window (meetings held ÷ calls made) next
/// to the planned rate (the KDI's conversion rate, or the <c>derived_from</c> rate). <see cref="FarBelow"/> when
/// the achieved rate is under plan × the organisation's at-risk threshold (80 % of plan by default).
/// </summary>
public sealed record MeasuredRate(GoalNode Input, decimal InputActual, decimal Planned, decimal? Achieved, bool FarBelow);
