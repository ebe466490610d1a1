using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.GoalsFile;

/// <summary>Things that do not stop an import but probably are not what the author meant.</summary>
internal static class TreeWarnings
{
    public static void Check(GoalsModel model, ParseContext context)
    {
        foreach (var team in model.Teams.Where(t => !model.MembersOf(t.Id).Any()))
        {
            context.Warning(At(team.Source, context), DiagnosticCodes.TeamWithoutPeople, nameof(GoalsFileText.TeamWithoutPeople),
                Elements.Named(nameof(GoalsFileText.Kind_Team), team.Id));
        }

        foreach (var kgi in model.Kgis)
        {
            var what = Elements.Named(nameof(GoalsFileText.Kind_Kgi), kgi.Id);
            if (!model.KsfsOf(kgi.Id).Any())
            {
                context.Warning(At(kgi.Source, context), DiagnosticCodes.EmptyBranch, nameof(GoalsFileText.EmptyBranch), what, "KSF");
            }

            if (kgi.Contributions.Count == 0)
            {
                context.Warning(At(kgi.Source, context), DiagnosticCodes.KgiWithoutContributions, nameof(GoalsFileText.KgiWithoutContributions), what);
            }

            if (kgi.Rollup != KgiRollup.Sum)
            {
                continue;
            }

            foreach (var contribution in kgi.Contributions)
            {
                var kpi = (Kpi)model.NodesById[contribution.KpiId];
                if (!string.Equals(kpi.Unit, kgi.Unit, StringComparison.Ordinal))
                {
                    context.Warning(At(kgi.Source, context), DiagnosticCodes.KgiMixedUnits, nameof(GoalsFileText.KgiMixedUnits),
                        what, kpi.Id, kpi.Unit, kgi.Unit);
                }
            }
        }

        foreach (var ksf in model.Ksfs.Where(k => !model.KpisOf(k.Id).Any()))
        {
            context.Warning(At(ksf.Source, context), DiagnosticCodes.EmptyBranch, nameof(GoalsFileText.EmptyBranch),
                Elements.Named(nameof(GoalsFileText.Kind_Ksf), ksf.Id), "KPI");
        }

        foreach (var kpi in model.Kpis.Where(k => k.ActualsFrom == KpiSource.Kdis && k.Inputs.Count == 0 && !model.KdisOf(k.Id).Any()))
        {
            context.Warning(At(kpi.Source, context), DiagnosticCodes.KpiWithoutKdis, nameof(GoalsFileText.KpiWithoutKdis),
                Elements.Named(nameof(GoalsFileText.Kind_Kpi), kpi.Id));
        }
    }

    public static SourceLocation At(SourceLocation? source, ParseContext context) => source ?? new SourceLocation(context.FileName, 1);
}
