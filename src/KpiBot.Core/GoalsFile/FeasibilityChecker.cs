using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.GoalsFile;

/// <summary>
/// Compares targets with declared capacity: reps × capacity per working day × working days of the team
/// calendar. A window KPI is checked over its window when every KDI that feeds it declares a capacity;
/// a KDI's daily (or weekly) target is checked against what its reps (or one person) can do.
/// The warning shows the arithmetic.
/// </summary>
internal static class FeasibilityChecker
{
    public static void Check(GoalsModel model, ParseContext context)
    {
        foreach (var kpi in model.Kpis.Where(k => k.Period == PeriodKind.Window))
        {
            CheckWindow(model, kpi, context);
        }

        foreach (var kdi in model.Kdis.Where(k => k.CapacityPerDay is not null))
        {
            CheckKdi(model, kdi, context);
        }
    }

    private static void CheckWindow(GoalsModel model, Kpi kpi, ParseContext context)
    {
        var kgi = model.KgiOf(kpi);
        var first = kpi.Start ?? kgi.Start;
        var last = kpi.End ?? kgi.Deadline;
        var feeds = model.KdisOf(kpi.Id).Select(kdi => (Node: (GoalNode)kdi, Rate: kdi.ConversionRate ?? 1m))
            .Concat(kpi.Inputs.Select(input => (Node: model.NodesById[input.NodeId], input.Rate)))
            .ToList();
        if (feeds.Count == 0 || feeds.Any(f => f.Node is not Kdi { CapacityPerDay: not null }))
        {
            return;
        }

        var terms = new List<LocalText>();
        var most = 0m;
        foreach (var (node, rate) in feeds)
        {
            var kdi = (Kdi)node;
            var team = model.TeamsById[kdi.TeamId];
            var reps = Reps(model, kdi.TeamId);
            var days = WorkCalendar.For(team).CountWorkingDays(first, last);
            var capacity = kdi.CapacityPerDay!.Value;
            most += reps * capacity * days * rate;
            terms.Add(rate == 1m
                ? LocalText.Of(nameof(GoalsFileText.Feasibility_Term), reps, capacity, kdi.Unit, days)
                : LocalText.Of(nameof(GoalsFileText.Feasibility_TermWithRate), reps, capacity, kdi.Unit, days, rate));
        }

        if (kpi.Target > most)
        {
            context.Warning(TreeWarnings.At(kpi.Source, context), DiagnosticCodes.KpiNotAchievable, nameof(GoalsFileText.KpiNotAchievable),
                kpi.Id, kpi.Target, kpi.Unit, last, most, terms);
        }
    }

    private static void CheckKdi(GoalsModel model, Kdi kdi, ParseContext context)
    {
        var team = model.TeamsById[kdi.TeamId];
        var capacity = kdi.CapacityPerDay!.Value;
        var days = kdi.Cadence == KdiCadence.Weekly ? team.WorkingDays.Count : 1;
        var weekly = kdi.Cadence == KdiCadence.Weekly;
        var at = TreeWarnings.At(kdi.Source, context);
        if (kdi.Scope == TargetScope.Team)
        {
            var reps = Reps(model, kdi.TeamId);
            var most = reps * capacity * days;
            if (kdi.Target > most)
            {
                var key = weekly ? nameof(GoalsFileText.KdiOverTeamCapacity_Weekly) : nameof(GoalsFileText.KdiOverTeamCapacity);
                context.Warning(at, DiagnosticCodes.KdiOverCapacity, key, kdi.Id, kdi.Target, kdi.Unit, most, reps, capacity, days);
            }
        }
        else if (kdi.Target > capacity * days)
        {
            var key = weekly ? nameof(GoalsFileText.KdiOverPersonCapacity_Weekly) : nameof(GoalsFileText.KdiOverPersonCapacity);
            context.Warning(at, DiagnosticCodes.KdiOverCapacity, key, kdi.Id, kdi.Target, kdi.Unit, capacity * days, capacity, days);
        }
    }

    private static int Reps(GoalsModel model, string teamId) => model.MembersOf(teamId).Count(p => p.Role == Role.Rep);
}
