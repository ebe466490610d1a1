namespace KpiBot.Core.Goals;

/// <summary>
/// A node of the KPI tree. KGIs, KPIs and KDIs carry a unit: <c>Unit</c> as written (the first name when the
/// goals file gives one per language), <c>UnitNames</c> by language ("en" → "calls", "ja" → "件") when it does,
/// and <c>Whole</c> when the file says whether the unit counts whole things (null: decided from the target,
/// see <see cref="Formatting.Units"/>).
/// </summary>
public abstract record GoalNode(string Id, string Title, SourceLocation? Source)
{
    public abstract GoalKind Kind { get; }
}

/// <summary>Key goal indicator: the final goal, e.g. annual sales ¥100,000,000 by 2027-03-31.</summary>
public sealed record Kgi(
    string Id,
    string Title,
    decimal Target,
    string Unit,
    DateOnly Start,
    DateOnly Deadline,
    string? OwnerTeamId,
    KgiRollup Rollup,
    IReadOnlyList<KgiContribution> Contributions,
    decimal? Baseline = null,
    SourceLocation? Source = null,
    OutcomeReporting? Reporting = null,
    IReadOnlyDictionary<string, string>? UnitNames = null,
    bool? Whole = null) : GoalNode(Id, Title, Source)
{
    public override GoalKind Kind => GoalKind.Kgi;
}

/// <summary>A KPI that feeds a KGI; <see cref="Weight"/> is used when the KGI rolls up weighted.</summary>
public sealed record KgiContribution(string KpiId, decimal Weight = 1m);

/// <summary>Key success factor: groups KPIs under a KGI; no number of its own.</summary>
public sealed record Ksf(string Id, string Title, string KgiId, SourceLocation? Source = null)
    : GoalNode(Id, Title, Source)
{
    public override GoalKind Kind => GoalKind.Ksf;
}

/// <summary>
/// Key performance indicator: an outcome metric with a target per <see cref="Period"/>.
/// <see cref="Start"/>/<see cref="End"/> narrow the goal window (default: the KGI's).
/// With <see cref="KpiSource.Kdis"/> its actuals are the sum of its own KDIs (each × its conversion rate)
/// plus <see cref="DerivedFrom"/>: other KDIs or KPIs converted at a rate (appointments = calls × 5 %).
/// With <see cref="KpiSource.Ratio"/> it is <see cref="NumeratorId"/> ÷ <see cref="DenominatorId"/>.
/// <see cref="Reporting"/> says who reports its actual (always set for <see cref="KpiSource.Reported"/>); a KPI fed
/// by KDIs that also has it shows the reported actual next to the estimate from its KDIs.
/// </summary>
public sealed record Kpi(
    string Id,
    string Title,
    string KsfId,
    decimal Target,
    string Unit,
    PeriodKind Period,
    string OwnerTeamId,
    Aggregation Aggregation,
    KpiSource ActualsFrom,
    string? NumeratorId = null,
    string? DenominatorId = null,
    DateOnly? Start = null,
    DateOnly? End = null,
    IReadOnlyList<KpiInput>? DerivedFrom = null,
    SourceLocation? Source = null,
    OutcomeReporting? Reporting = null,
    IReadOnlyDictionary<string, string>? UnitNames = null,
    bool? Whole = null) : GoalNode(Id, Title, Source)
{
    public override GoalKind Kind => GoalKind.Kpi;

    public IReadOnlyList<KpiInput> Inputs => DerivedFrom ?? [];
}

/// <summary>Another KDI or KPI whose actuals feed a KPI at <see cref="Rate"/> (1 call → 0.05 appointments).</summary>
public sealed record KpiInput(string NodeId, decimal Rate);

/// <summary>
/// Key do indicator: a daily or weekly action a person controls. <see cref="Target"/> is per day
/// (daily) or per week (weekly), for each person or for the team together (<see cref="Scope"/>).
/// <see cref="ConversionRate"/> turns one unit of this KDI into KPI units (1 call → 0.05 appointments);
/// null means 1. <see cref="CapacityPerDay"/> is what one person can do in a working day.
/// </summary>
public sealed record Kdi(
    string Id,
    string Title,
    string KpiId,
    decimal Target,
    string Unit,
    KdiCadence Cadence,
    string TeamId,
    TargetScope Scope = TargetScope.Person,
    decimal? ConversionRate = null,
    decimal? CapacityPerDay = null,
    SourceLocation? Source = null,
    IReadOnlyDictionary<string, string>? UnitNames = null,
    bool? Whole = null) : GoalNode(Id, Title, Source)
{
    public override GoalKind Kind => GoalKind.Kdi;
}
