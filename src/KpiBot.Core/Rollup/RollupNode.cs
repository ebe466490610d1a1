using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Rollup;

/// <summary>
/// One node of a rolled-up tree: its figures over <see cref="Window"/> (null for a KSF, which has no
/// number), per-person figures for KDIs and for KPIs fed by KDIs (keyed by person id), and its children.
/// <see cref="Period"/> is the kind of period the window is (a KGI's is <see cref="PeriodKind.Window"/>), so
/// every figure can say which period it covers.
/// <see cref="Outcome"/> is set for a KGI or KPI whose actual is reported: the reported actual and the estimate.
/// </summary>
public sealed record RollupNode(
    GoalNode Node,
    PeriodWindow? Window,
    ProgressFigures? Figures,
    IReadOnlyDictionary<string, ProgressFigures> People,
    IReadOnlyList<RollupNode> Children,
    RollupOutcome? Outcome = null,
    PeriodKind? Period = null);

/// <summary>One person's figures for one node, as listed by <see cref="RollupReport.ForPerson"/>.</summary>
public sealed record PersonFigures(string PersonId, RollupNode Node, ProgressFigures Figures);
