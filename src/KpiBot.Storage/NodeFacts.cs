using KpiBot.Core.Goals;

namespace KpiBot.Storage;

/// <summary>The columns a node row carries besides its JSON definition.</summary>
internal static class NodeFacts
{
    public static string? ParentId(GoalNode node) => node switch
    {
        Ksf ksf => ksf.KgiId,
        Kpi kpi => kpi.KsfId,
        Kdi kdi => kdi.KpiId,
        _ => null,
    };

    public static string? TeamId(GoalNode node) => node switch
    {
        Kgi kgi => kgi.OwnerTeamId,
        Kpi kpi => kpi.OwnerTeamId,
        Kdi kdi => kdi.TeamId,
        _ => null,
    };

    /// <summary>The node's target and its period; a KSF has none.</summary>
    public static (decimal Target, PeriodKind Period)? Target(GoalNode node) => node switch
    {
        Kgi kgi => (kgi.Target, PeriodKind.Window),
        Kpi kpi => (kpi.Target, kpi.Period),
        Kdi kdi => (kdi.Target, kdi.Cadence == KdiCadence.Daily ? PeriodKind.Day : PeriodKind.Week),
        _ => null,
    };
}
