using KpiBot.Core.Goals;

namespace KpiBot.Web.Api;

internal static class Units
{
    public static string? Of(GoalNode node) => node switch
    {
        Kgi kgi => kgi.Unit,
        Kpi kpi => kpi.Unit,
        Kdi kdi => kdi.Unit,
        _ => null,
    };
}
