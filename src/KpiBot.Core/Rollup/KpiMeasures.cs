using KpiBot.Core.Calendar;
using KpiBot.Core.Formatting;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Rollup;

/// <summary>
/// A KPI's actual and target over any window, for the team and for one person, and the teams whose KDIs
/// feed it. Derivations are followed to a bounded depth, so a cycle the validator missed fails loudly.
/// </summary>
internal sealed class KpiMeasures(GoalsModel model, RollupCalendars calendars, IActualsLookup actuals)
{
    private const int MaxDepth = 32;

    public RollupCalendars Calendars => calendars;

    /// <summary>The teams whose KDIs feed a KPI: its own KDIs, KDIs it derives from, and those behind KPIs it derives from.</summary>
    public IEnumerable<string> FeedingTeams(Kpi kpi, int depth)
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

    /// <summary>Summed quantities accumulate over days; ratios, averages and latest values are levels.</summary>
    public static bool IsSummed(Kpi kpi) => kpi.ActualsFrom != KpiSource.Ratio && kpi.Aggregation == Aggregation.Sum;

    /// <summary>
    /// A summed KPI's target over a window: for each of its own periods the window touches, target × the
    /// working days shared ÷ the period's working days (exactly the target when the window is the period).
    /// A level's target does not scale.
    /// </summary>
    public decimal Target(Kpi kpi, PeriodWindow window)
    {
        if (!IsSummed(kpi) || window.End < window.Start)
        {
            return IsSummed(kpi) ? 0m : kpi.Target;
        }

        var total = 0m;
        var period = calendars.Period(kpi, kpi.Period, window.Start);
        while (true)
        {
            var overlap = RollupCalendars.Clip(window, period);
            var periodDays = calendars.TeamDays(kpi.OwnerTeamId, period);
            total += overlap == period ? kpi.Target
                : periodDays > 0 ? kpi.Target * calendars.TeamDays(kpi.OwnerTeamId, overlap) / periodDays
                : kpi.Target * overlap.CalendarDays / period.CalendarDays;
            if (kpi.Period == PeriodKind.Window || period.End >= window.End)
            {
                return total;
            }

            period = calendars.Period(kpi, kpi.Period, period.End.AddDays(1));
        }
    }

    public decimal Actual(Kpi kpi, PeriodWindow window, int depth)
    {
        GuardDepth(depth, kpi.Id);
        switch (kpi.ActualsFrom)
        {
            case KpiSource.Kdis:
                // The reported actual, when the window has one, is the KPI's actual; else the estimate.
                return (kpi.Reporting is not null ? Reported(kpi, window) : null) ?? Estimate(kpi, window, depth);
            case KpiSource.Reported:
                return Reported(kpi, window) ?? 0m;
            case KpiSource.Ratio:
                var numerator = kpi.NumeratorId is null ? 0m : NodeActual(kpi.NumeratorId, window, depth + 1);
                var denominator = kpi.DenominatorId is null ? 0m : NodeActual(kpi.DenominatorId, window, depth + 1);
                return denominator == 0m ? 0m : numerator / denominator;
            default:
                throw new ArgumentOutOfRangeException(nameof(kpi), kpi.ActualsFrom, "Unknown KPI source.");
        }
    }

    /// <summary>A KPI's estimate from its KDIs: Σ KDI actual × conversion rate + Σ derived inputs × rate.</summary>
    public decimal Estimate(Kpi kpi, PeriodWindow window, int depth)
    {
        GuardDepth(depth, kpi.Id);
        return model.KdisOf(kpi.Id).Sum(k => Totals(window, k.Id).Sum * (k.ConversionRate ?? 1m))
            + kpi.Inputs.Sum(i => NodeActual(i.NodeId, window, depth + 1) * i.Rate);
    }

    /// <summary>
    /// The values reported for a KGI or KPI over the window, combined by the KPI's aggregation (a KGI sums);
    /// null when nothing was reported in it.
    /// </summary>
    public decimal? Reported(GoalNode node, PeriodWindow window)
    {
        var reported = Totals(window, node.Id);
        if (reported.Count == 0)
        {
            return null;
        }

        return (node as Kpi)?.Aggregation switch
        {
            Aggregation.Average => reported.Sum / reported.Count,
            Aggregation.Latest => reported.LatestSum,
            _ => reported.Sum,
        };
    }

    /// <summary>
    /// The conversion achieved from a KPI's one input (its single KDI or <c>derived_from</c> node) against plan,
    /// given its reported actual; none when the KPI has several inputs (their shares cannot be told apart) or
    /// when the rate is a value per unit (above 1) rather than a conversion.
    /// </summary>
    public IReadOnlyList<MeasuredRate> Rates(Kpi kpi, PeriodWindow window, decimal reported, decimal atRisk)
    {
        var inputs = model.KdisOf(kpi.Id).Select(k => (Node: (GoalNode)k, Rate: k.ConversionRate ?? 1m))
            .Concat(kpi.Inputs.Select(i => (Node: model.NodesById.GetValueOrDefault(i.NodeId)!, i.Rate)))
            .Where(i => i.Node is not null)
            .ToList();
        // A conversion is a fraction (5 % of calls become meetings); a rate above 1 is a value per unit (¥150,000
        // a meeting), which is an estimate's price, not a conversion to measure.
        if (inputs.Count != 1 || inputs[0].Rate > 1m)
        {
            return [];
        }

        var (input, planned) = inputs[0];
        var done = NodeActual(input.Id, window, 1);
        decimal? achieved = done == 0m ? null : reported / done;
        return [new MeasuredRate(input, done, planned, achieved, achieved < planned * atRisk)];
    }

    /// <summary>A KDI's recorded sum (no conversion), or a KPI's actual.</summary>
    private decimal NodeActual(string nodeId, PeriodWindow window, int depth) => model.NodesById.GetValueOrDefault(nodeId) switch
    {
        Kdi kdi => Totals(window, kdi.Id).Sum,
        Kpi kpi => Actual(kpi, window, depth),
        _ => 0m,
    };

    public decimal PersonActual(Kpi kpi, PeriodWindow window, string personId, int depth)
    {
        GuardDepth(depth, kpi.Id);
        if (kpi.ActualsFrom != KpiSource.Kdis)
        {
            return 0m;
        }

        if (kpi.Reporting is { PerPerson: true } && Totals(window, kpi.Id).CountOf(personId) > 0)
        {
            return Totals(window, kpi.Id).SumOf(personId);
        }

        return model.KdisOf(kpi.Id).Sum(k => Totals(window, k.Id).SumOf(personId) * (k.ConversionRate ?? 1m))
            + kpi.Inputs.Sum(i => i.Rate * (model.NodesById.GetValueOrDefault(i.NodeId) switch
            {
                Kdi kdi => Totals(window, kdi.Id).SumOf(personId),
                Kpi input => PersonActual(input, window, personId, depth + 1),
                _ => 0m,
            }));
    }

    /// <summary>
    /// A node's recorded totals over a window. A weekly KDI's value is kept on its week's first day but is the
    /// whole week's: it is spread over the week's working days, as its target is, so a week that straddles a
    /// month end counts in each month for the working days it has there, and the month tree, the week's digest
    /// and the next month's tree add up to what was recorded.
    /// </summary>
    public NodeTotals Totals(PeriodWindow window, string nodeId)
    {
        if (window.End < window.Start)
        {
            return NodeTotals.None;
        }

        return model.NodesById.GetValueOrDefault(nodeId) is Kdi { Cadence: KdiCadence.Weekly } kdi
            ? WeeklyTotals(window, kdi)
            : actuals.Get(window, nodeId);
    }

    private NodeTotals WeeklyTotals(PeriodWindow window, Kdi kdi)
    {
        var first = calendars.Week(kdi.TeamId, window.Start);
        var last = calendars.Week(kdi.TeamId, window.End);
        var cutFirst = first.Start < window.Start;
        var cutLast = last.End > window.End;
        if (!cutFirst && !cutLast)
        {
            return actuals.Get(window, kdi.Id);
        }

        var totals = new NodeTotals();
        if (first == last)
        {
            totals.Add(actuals.Get(first, kdi.Id), Share(kdi.TeamId, first, window));
            return totals;
        }

        // Whole weeks in one fetch; each week cut by an end of the window in its own, for its share.
        var inner = new PeriodWindow(cutFirst ? first.End.AddDays(1) : first.Start, cutLast ? last.Start.AddDays(-1) : last.End);
        if (inner.Start <= inner.End)
        {
            totals.Add(actuals.Get(inner, kdi.Id), 1m);
        }

        if (cutFirst)
        {
            totals.Add(actuals.Get(first, kdi.Id), Share(kdi.TeamId, first, window));
        }

        if (cutLast)
        {
            totals.Add(actuals.Get(last, kdi.Id), Share(kdi.TeamId, last, window));
        }

        return totals;
    }

    /// <summary>The part of a week inside the window: its working days there ÷ the week's (calendar days when it has none).</summary>
    private decimal Share(string teamId, PeriodWindow week, PeriodWindow window)
    {
        var part = RollupCalendars.Clip(window, week);
        var weekDays = calendars.TeamDays(teamId, week);
        return weekDays > 0
            ? (decimal)calendars.TeamDays(teamId, part) / weekDays
            : (decimal)part.CalendarDays / week.CalendarDays;
    }

    private static void GuardDepth(int depth, string nodeId)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"KPI '{nodeId}' derives from itself; the goals file validator should have refused it.");
        }
    }
}
