using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Rollup;

/// <summary>
/// Walks the tree once and computes every figure; see <see cref="RollupCalculator"/> for the rules. Reads
/// totals only through <see cref="IActualsLookup"/>, so the same walk, run over a recorder, yields the plan.
/// </summary>
internal sealed class RollupEvaluator(GoalsModel model, RollupRequest request, IActualsLookup actuals)
{
    private static readonly IReadOnlyDictionary<string, ProgressFigures> NoPeople = new Dictionary<string, ProgressFigures>();

    private readonly KpiMeasures _measures = new(model, new RollupCalendars(model, request), actuals);
    private readonly StatusThresholds _thresholds = model.Organization.StatusThresholds;

    private RollupCalendars Calendars => _measures.Calendars;

    public RollupReport Evaluate()
    {
        var roots = new List<RollupNode>();
        foreach (var kgi in model.Kgis)
        {
            var ksfs = new List<RollupNode>();
            foreach (var ksf in model.KsfsOf(kgi.Id))
            {
                var kpis = new List<RollupNode>();
                foreach (var kpi in model.KpisOf(ksf.Id))
                {
                    var kdis = model.KdisOf(kpi.Id).Where(k => InScope(k.TeamId)).Select(k => KdiNode(k, kpi)).ToList();
                    if (kdis.Count > 0 || InScope(kpi.OwnerTeamId))
                    {
                        kpis.Add(KpiNode(kpi, kdis));
                    }
                }

                if (kpis.Count > 0 || request.TeamId is null)
                {
                    ksfs.Add(new RollupNode(ksf, null, null, NoPeople, kpis));
                }
            }

            if (ksfs.Count > 0 || InScope(kgi.OwnerTeamId))
            {
                roots.Add(KgiNode(kgi, ksfs));
            }
        }

        return new RollupReport(request.AsOf, roots);
    }

    private bool InScope(string? teamId) => request.TeamId is null || string.Equals(request.TeamId, teamId, StringComparison.Ordinal);

    private bool Started(PeriodWindow window) => request.AsOf >= window.Start;

    // ---- KGI ----

    private RollupNode KgiNode(Kgi kgi, IReadOnlyList<RollupNode> children)
    {
        var window = new PeriodWindow(kgi.Start, kgi.Deadline);
        var contributions = kgi.Contributions
            .Select(c => (Kpi: model.NodesById.GetValueOrDefault(c.KpiId) as Kpi, c.Weight))
            .Where(c => c.Kpi is not null)
            .Select(c => (Kpi: c.Kpi!, c.Weight))
            .ToList();
        var teamId = kgi.OwnerTeamId ?? contributions.Select(c => c.Kpi.OwnerTeamId).FirstOrDefault();
        var estimate = kgi.Rollup == KgiRollup.Weighted
            ? kgi.Target * WeightedFraction(contributions, window)
            : (kgi.Baseline ?? 0m) + contributions.Sum(c => _measures.Actual(c.Kpi, KpiPart(c.Kpi, window), 0));
        // A KGI reported directly: baseline + the reported values drive it when there are any; its KPIs give the estimate.
        var outcome = kgi.Reporting is null ? null
            : new RollupOutcome((kgi.Baseline ?? 0m) + _measures.Reported(kgi, window), estimate, []);
        // Only what was gained since the window began is extrapolated: the baseline was there already.
        // (A weighted KGI's estimate is a share of its target, without the baseline; a reported actual has it.)
        var baseline = outcome?.Reported is not null || kgi.Rollup != KgiRollup.Weighted ? kgi.Baseline ?? 0m : 0m;
        var figures = ProgressMath.ForSum(
            outcome?.Reported ?? estimate, kgi.Target, Calendars.TeamDays(teamId, Calendars.Elapsed(window)),
            Calendars.TeamDays(teamId, window), Started(window), _thresholds, baseline);
        return new RollupNode(kgi, window, figures, NoPeople, children, outcome, PeriodKind.Window);
    }

    /// <summary>Σ wᵢ·(actualᵢ ÷ targetᵢ) ÷ Σ wᵢ over the KGI window; KPIs with no target are left out.</summary>
    private decimal WeightedFraction(IReadOnlyList<(Kpi Kpi, decimal Weight)> contributions, PeriodWindow window)
    {
        decimal weighted = 0m, weights = 0m;
        foreach (var (kpi, weight) in contributions)
        {
            var part = KpiPart(kpi, window);
            var target = _measures.Target(kpi, part);
            if (target == 0m)
            {
                continue;
            }

            weighted += weight * _measures.Actual(kpi, part, 0) / target;
            weights += weight;
        }

        return weights == 0m ? 0m : weighted / weights;
    }

    /// <summary>The part of a KGI window that lies in a KPI's own goal window.</summary>
    private PeriodWindow KpiPart(Kpi kpi, PeriodWindow kgiWindow) => RollupCalendars.Clip(kgiWindow, Calendars.GoalWindow(kpi));

    // ---- KPI ----

    private RollupNode KpiNode(Kpi kpi, IReadOnlyList<RollupNode> children)
    {
        var window = Calendars.KpiWindow(kpi);
        var target = _measures.Target(kpi, window);
        var figures = Figures(
            kpi, _measures.Actual(kpi, window, 0), target,
            Calendars.TeamDays(kpi.OwnerTeamId, Calendars.Elapsed(window)), Calendars.TeamDays(kpi.OwnerTeamId, window),
            window);
        var people = kpi.ActualsFrom == KpiSource.Kdis ? KpiPeople(kpi, window, target) : NoPeople;
        return new RollupNode(kpi, window, figures, people, children, Outcome(kpi, window), request.Period ?? kpi.Period);
    }

    /// <summary>A reported KPI's reported actual and (when KDIs feed it) its estimate and measured conversion.</summary>
    private RollupOutcome? Outcome(Kpi kpi, PeriodWindow window)
    {
        if (kpi.Reporting is null)
        {
            return null;
        }

        var reported = _measures.Reported(kpi, window);
        if (kpi.ActualsFrom != KpiSource.Kdis)
        {
            return new RollupOutcome(reported, null, []);
        }

        var rates = reported is { } r ? _measures.Rates(kpi, window, r, _thresholds.AtRisk) : [];
        return new RollupOutcome(reported, _measures.Estimate(kpi, window, 0), rates);
    }

    /// <summary>
    /// Each rep of the teams whose KDIs feed the KPI gets an equal share of the KPI's target; their
    /// actual is their own KDI actuals through the same rates.
    /// </summary>
    private Dictionary<string, ProgressFigures> KpiPeople(Kpi kpi, PeriodWindow window, decimal target)
    {
        var reps = _measures.FeedingTeams(kpi, 0).Distinct(StringComparer.Ordinal).SelectMany(Reps).ToList();
        var people = new Dictionary<string, ProgressFigures>(StringComparer.Ordinal);
        foreach (var rep in reps.Where(r => InScope(r.TeamId)))
        {
            people[rep.Id] = Figures(
                kpi, _measures.PersonActual(kpi, window, rep.Id, 0), target / reps.Count,
                Calendars.PersonDays(rep.TeamId, rep.Id, Calendars.Elapsed(window)),
                Calendars.PersonDays(rep.TeamId, rep.Id, window),
                window);
        }

        return people;
    }

    private ProgressFigures Figures(Kpi kpi, decimal actual, decimal target, int elapsed, int total, PeriodWindow window) =>
        KpiMeasures.IsSummed(kpi)
            ? ProgressMath.ForSum(actual, target, elapsed, total, Started(window), _thresholds)
            : ProgressMath.ForLevel(actual, target, elapsed, total, Started(window), _thresholds);

    // ---- KDI ----

    private RollupNode KdiNode(Kdi kdi, Kpi kpi)
    {
        var window = Calendars.KpiWindow(kpi);
        var totals = _measures.Totals(window, kdi.Id);
        var reps = Reps(kdi.TeamId).ToList();
        var teamElapsed = Calendars.TeamDays(kdi.TeamId, Calendars.Elapsed(window));
        var teamTotal = Calendars.TeamDays(kdi.TeamId, window);
        var teamTarget = KdiTarget(kdi, teamTotal);
        var people = new Dictionary<string, ProgressFigures>(StringComparer.Ordinal);
        foreach (var rep in reps)
        {
            var (elapsed, total) = kdi.Scope == TargetScope.Team
                ? (teamElapsed, teamTotal)
                : (Calendars.PersonDays(kdi.TeamId, rep.Id, Calendars.Elapsed(window)), Calendars.PersonDays(kdi.TeamId, rep.Id, window));
            var target = kdi.Scope == TargetScope.Team ? teamTarget / reps.Count : KdiTarget(kdi, total);
            people[rep.Id] = ProgressMath.ForSum(totals.SumOf(rep.Id), target, elapsed, total, Started(window), _thresholds);
        }

        var kdiTarget = kdi.Scope == TargetScope.Team ? teamTarget : people.Values.Sum(p => p.Target);
        var figures = ProgressMath.ForSum(totals.Sum, kdiTarget, teamElapsed, teamTotal, Started(window), _thresholds);
        return new RollupNode(kdi, window, figures, people, [], Period: request.Period ?? kpi.Period);
    }

    /// <summary>Daily: target × working days. Weekly: target × working days ÷ the team's working days in a full week.</summary>
    private decimal KdiTarget(Kdi kdi, int workingDays)
    {
        if (kdi.Cadence == KdiCadence.Daily)
        {
            return kdi.Target * workingDays;
        }

        var week = Calendars.NominalWeekDays(kdi.TeamId);
        return week == 0 ? 0m : kdi.Target * workingDays / week;
    }

    // ---- shared ----

    private IEnumerable<Person> Reps(string teamId) => model.MembersOf(teamId).Where(p => p.Role == Role.Rep);
}
