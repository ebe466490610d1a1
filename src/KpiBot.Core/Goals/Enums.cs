namespace KpiBot.Core.Goals;

/// <summary>The four levels of the KPI tree.</summary>
public enum GoalKind { Kgi, Ksf, Kpi, Kdi }

/// <summary>A target period. <see cref="Window"/> is the node's whole goal window (its start to its deadline).</summary>
public enum PeriodKind { Day, Week, Month, Quarter, Year, Window }

/// <summary>How reported values of a KPI combine over a period.</summary>
public enum Aggregation { Sum, Average, Latest, Ratio }

/// <summary>Where a KPI's actuals come from.</summary>
public enum KpiSource
{
    /// <summary>From its KDIs, each through its conversion rate.</summary>
    Kdis,
    /// <summary>From values reported for the KPI itself (by a lead, or later through the API).</summary>
    Reported,
    /// <summary>Numerator ÷ denominator of two other KPIs or KDIs.</summary>
    Ratio,
}

/// <summary>How a KGI's progress comes from its KPIs.</summary>
public enum KgiRollup
{
    /// <summary>KGI actual = sum of the contributing KPIs' actuals (they share the KGI's unit, e.g. yen).</summary>
    Sum,
    /// <summary>KGI progress = weighted mean of the contributing KPIs' progress.</summary>
    Weighted,
}

public enum KdiCadence { Daily, Weekly }

/// <summary>Whether a KDI target is per person or for the whole team together.</summary>
public enum TargetScope { Person, Team }

public enum Role { Rep, Lead, Admin }

/// <summary>
/// How a node stands. <see cref="NotStarted"/>: its window has not begun (or no working day of it has passed);
/// <see cref="TooEarly"/>: begun, but fewer working days have passed than the goals file's <c>thresholds.judge_after</c>.
/// </summary>
public enum ProgressStatus { OnTrack, AtRisk, OffTrack, NotStarted, TooEarly }
