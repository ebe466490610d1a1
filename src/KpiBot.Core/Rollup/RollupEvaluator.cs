using KpiBot.Core.Calendar;
using KpiBot.Core.Formatting;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Rollup;

/// <summary>
/// Walks the tree once and computes every figure; see <see cref="RollupCalculator"/> for the rules. Reads
/// totals only through <see cref="IActualsLookup"/>, so the same walk, run over a recorder, yields the plan.
/// </summary>
internal sealed class RollupEvaluator(GoalsModel model, RollupRequest request, IActualsLookup actuals)
{
    private const int MaxDepth = 32;
    private static readonly IReadOnlyDictionary<string, ProgressFigures> NoPeople = new Dictionary<string, ProgressFigures>();

    private readonly RollupCalendars _calendars = new(model, request);
    private readonly StatusThresholds _thresholds = model.Organization.StatusThresholds;

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
        var actual = kgi.Rollup == KgiRollup.Weighted
            ? kgi.Target * WeightedFraction(contributions, window)
            : (kgi.Baseline ?? 0m) + contributions.Sum(c => KpiActual(c.Kpi, KpiPart(c.Kpi, window), 0));
        var figures = ProgressMath.ForSum(
            actual, kgi.Target, _calendars.TeamDays(teamId, _calendars.Elapsed(window)),
            _calendars.TeamDays(teamId, window), Started(window), _thresholds);
        return new RollupNode(kgi, window, figures, NoPeople, children);
    }

    /// <summary>Σ wᵢ·(actualᵢ ÷ targetᵢ) ÷ Σ wᵢ over the KGI window; KPIs with no target are left out.</summary>
    private decimal WeightedFraction(IReadOnlyList<(Kpi Kpi, decimal Weight)> contributions, PeriodWindow window)
    {
        decimal weighted = 0m, weights = 0m;
        foreach (var (kpi, weight) in contributions)
        {
            var part = KpiPart(kpi, window);
            var target = KpiTarget(kpi, part);
            if (target == 0m)
            {
                continue;
            }

            weighted += weight * KpiActual(kpi, part, 0) / target;
            weights += weight;
        }

        return weights == 0m ? 0m : weighted / weights;
    }

    /// <summary>The part of a KGI window that lies in a KPI's own goal window.</summary>
    private PeriodWindow KpiPart(Kpi kpi, PeriodWindow kgiWindow) => RollupCalendars.Clip(kgiWindow, _calendars.GoalWindow(kpi));

    // ---- KPI ----

    private RollupNode KpiNode(Kpi kpi, IReadOnlyList<RollupNode> children)
    {
        var window = _calendars.KpiWindow(kpi);
        var target = KpiTarget(kpi, window);
        var figures = Figures(
            kpi, KpiActual(kpi, window, 0), target,
            _calendars.TeamDays(kpi.OwnerTeamId, _calendars.Elapsed(window)), _calendars.TeamDays(kpi.OwnerTeamId, window),
            window);
        var people = kpi.ActualsFrom == KpiSource.Kdis ? KpiPeople(kpi, window, target) : NoPeople;
        return new RollupNode(kpi, window, figures, people, children);
    }

    /// <summary>
    /// Each rep of the teams whose KDIs feed the KPI gets an equal share of the KPI's target; their
    /// actual is their own KDI actuals through the same rates.
    /// </summary>
    private Dictionary<string, ProgressFigures> KpiPeople(Kpi kpi, PeriodWindow window, decimal target)
    {
        var reps = FeedingTeams(kpi, 0).Distinct(StringComparer.Ordinal).SelectMany(Reps).ToList();
        var people = new Dictionary<string, ProgressFigures>(StringComparer.Ordinal);
        foreach (var rep in reps.Where(r => InScope(r.TeamId)))
        {
            people[rep.Id] = Figures(
                kpi, PersonKpiActual(kpi, window, rep.Id, 0), target / reps.Count,
                _calendars.PersonDays(rep.TeamId, rep.Id, _calendars.Elapsed(window)),
                _calendars.PersonDays(rep.TeamId, rep.Id, window),
                window);
        }

        return people;
    }

    /// <summary>The teams whose KDIs feed a KPI: its own KDIs, KDIs it derives from, and those behind KPIs it derives from.</summary>
    private IEnumerable<string> FeedingTeams(Kpi kpi, int depth)
    {
        GuardDepth(depth, kpi.Id);
        foreach (var kdi in model.KdisOf(kpi.Id))
        {
            yield return kdi.TeamId;
        }

        foreach (var input in kpi.Inputs)
        {
            switch (model.NodesById.GetValueOrDefault(input.NodeId))
            {
                case Kdi kdi:
                    yield return kdi.TeamId;
                    break;
                case Kpi { ActualsFrom: KpiSource.Kdis } inputKpi:
                    foreach (var team in FeedingTeams(inputKpi, depth + 1))
                    {
                        yield return team;
                    }

                    break;
            }
        }
    }

    private ProgressFigures Figures(Kpi kpi, decimal actual, decimal target, int elapsed, int total, PeriodWindow window) =>
        IsSummed(kpi)
            ? ProgressMath.ForSum(actual, target, elapsed, total, Started(window), _thresholds)
            : ProgressMath.ForLevel(actual, target, elapsed, total, Started(window), _thresholds);

    /// <summary>Summed quantities accumulate over days; ratios, averages and latest values are levels.</summary>
    internal static bool IsSummed(Kpi kpi) => kpi.ActualsFrom != KpiSource.Ratio && kpi.Aggregation == Aggregation.Sum;

    /// <summary>
    /// A summed KPI's target over a window: for each of its own periods the window touches, target × the
    /// working days shared ÷ the period's working days (exactly the target when the window is the period).
    /// A level's target does not scale.
    /// </summary>
    internal decimal KpiTarget(Kpi kpi, PeriodWindow window)
    {
        if (!IsSummed(kpi) || window.End < window.Start)
        {
            return IsSummed(kpi) ? 0m : kpi.Target;
        }

        var total = 0m;
        var period = _calendars.Period(kpi, kpi.Period, window.Start);
        while (true)
        {
            var overlap = RollupCalendars.Clip(window, period);
            var periodDays = _calendars.TeamDays(kpi.OwnerTeamId, period);
            total += overlap == period ? kpi.Target
                : periodDays > 0 ? kpi.Target * _calendars.TeamDays(kpi.OwnerTeamId, overlap) / periodDays
                : kpi.Target * overlap.CalendarDays / period.CalendarDays;
            if (kpi.Period == PeriodKind.Window || period.End >= window.End)
            {
                return total;
            }

            period = _calendars.Period(kpi, kpi.Period, period.End.AddDays(1));
        }
    }

    private decimal KpiActual(Kpi kpi, PeriodWindow window, int depth)
    {
        GuardDepth(depth, kpi.Id);
        switch (kpi.ActualsFrom)
        {
            case KpiSource.Kdis:
                return model.KdisOf(kpi.Id).Sum(k => Totals(window, k.Id).Sum * (k.ConversionRate ?? 1m))
                    + kpi.Inputs.Sum(i => NodeActual(i.NodeId, window, depth + 1) * i.Rate);
            case KpiSource.Reported:
                var reported = Totals(window, kpi.Id);
                return kpi.Aggregation switch
                {
                    Aggregation.Average => reported.Count == 0 ? 0m : reported.Sum / reported.Count,
                    Aggregation.Latest => reported.LatestSum,
                    _ => reported.Sum,
                };
            case KpiSource.Ratio:
                var numerator = kpi.NumeratorId is null ? 0m : NodeActual(kpi.NumeratorId, window, depth + 1);
                var denominator = kpi.DenominatorId is null ? 0m : NodeActual(kpi.DenominatorId, window, depth + 1);
                return denominator == 0m ? 0m : numerator / denominator * (QuantityFormatter.IsPercent(kpi.Unit) ? 100m : 1m);
            default:
                throw new ArgumentOutOfRangeException(nameof(kpi), kpi.ActualsFrom, "Unknown KPI source.");
        }
    }

    /// <summary>A KDI's recorded sum (no conversion), or a KPI's actual.</summary>
    private decimal NodeActual(string nodeId, PeriodWindow window, int depth) => model.NodesById.GetValueOrDefault(nodeId) switch
    {
        Kdi kdi => Totals(window, kdi.Id).Sum,
        Kpi kpi => KpiActual(kpi, window, depth),
        _ => 0m,
    };

    private decimal PersonKpiActual(Kpi kpi, PeriodWindow window, string personId, int depth)
    {
        GuardDepth(depth, kpi.Id);
        if (kpi.ActualsFrom != KpiSource.Kdis)
        {
            return 0m;
        }

        return model.KdisOf(kpi.Id).Sum(k => Totals(window, k.Id).SumOf(personId) * (k.ConversionRate ?? 1m))
            + kpi.Inputs.Sum(i => i.Rate * (model.NodesById.GetValueOrDefault(i.NodeId) switch
            {
                Kdi kdi => Totals(window, kdi.Id).SumOf(personId),
                Kpi input => PersonKpiActual(input, window, personId, depth + 1),
                _ => 0m,
            }));
    }

    // ---- KDI ----

    private RollupNode KdiNode(Kdi kdi, Kpi kpi)
    {
        var window = _calendars.KpiWindow(kpi);
        var totals = Totals(window, kdi.Id);
        var reps = Reps(kdi.TeamId).ToList();
        var teamElapsed = _calendars.TeamDays(kdi.TeamId, _calendars.Elapsed(window));
        var teamTotal = _calendars.TeamDays(kdi.TeamId, window);
        var teamTarget = KdiTarget(kdi, teamTotal);
        var people = new Dictionary<string, ProgressFigures>(StringComparer.Ordinal);
        foreach (var rep in reps)
        {
            var (elapsed, total) = kdi.Scope == TargetScope.Team
                ? (teamElapsed, teamTotal)
                : (_calendars.PersonDays(kdi.TeamId, rep.Id, _calendars.Elapsed(window)), _calendars.PersonDays(kdi.TeamId, rep.Id, window));
            var target = kdi.Scope == TargetScope.Team ? teamTarget / reps.Count : KdiTarget(kdi, total);
            people[rep.Id] = ProgressMath.ForSum(totals.SumOf(rep.Id), target, elapsed, total, Started(window), _thresholds);
        }

        var kdiTarget = kdi.Scope == TargetScope.Team ? teamTarget : people.Values.Sum(p => p.Target);
        var figures = ProgressMath.ForSum(totals.Sum, kdiTarget, teamElapsed, teamTotal, Started(window), _thresholds);
        return new RollupNode(kdi, window, figures, people, []);
    }

    /// <summary>Daily: target × working days. Weekly: target × working days ÷ the team's working days in a full week.</summary>
    private decimal KdiTarget(Kdi kdi, int workingDays)
    {
        if (kdi.Cadence == KdiCadence.Daily)
        {
            return kdi.Target * workingDays;
        }

        var week = _calendars.NominalWeekDays(kdi.TeamId);
        return week == 0 ? 0m : kdi.Target * workingDays / week;
    }

    // ---- shared ----

    private IEnumerable<Person> Reps(string teamId) => model.MembersOf(teamId).Where(p => p.Role == Role.Rep);

    private NodeTotals Totals(PeriodWindow window, string nodeId) =>
        window.End < window.Start ? NodeTotals.None : actuals.Get(window, nodeId);

    private static void GuardDepth(int depth, string nodeId)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"KPI '{nodeId}' derives from itself; the goals file validator should have refused it.");
        }
    }
}
