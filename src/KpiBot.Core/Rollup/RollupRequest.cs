using KpiBot.Core.Goals;

namespace KpiBot.Core.Rollup;

/// <summary>
/// What to roll up. <paramref name="AsOf"/> is the local work day the figures are for (included).
/// <paramref name="TeamId"/> narrows the report to the nodes a team works on and to its people (figures of
/// shared KPIs stay whole). <paramref name="Period"/> evaluates KPIs and KDIs over the period of that kind
/// containing <paramref name="AsOf"/> instead of their own. <paramref name="TimeOff"/> maps a person id to
/// their days off, which leave their targets and their working days.
/// </summary>
public sealed record RollupRequest(
    DateOnly AsOf,
    string? TeamId = null,
    PeriodKind? Period = null,
    IReadOnlyDictionary<string, IReadOnlySet<DateOnly>>? TimeOff = null);
