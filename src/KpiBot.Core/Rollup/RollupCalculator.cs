using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Rollup;

/// <summary>
/// Rolls recorded actuals up the KPI tree. Pure: no I/O, no clock — the as-of day comes in the request.
/// <list type="bullet">
/// <item><b>Windows.</b> A KPI and its KDIs are judged over the KPI's period (or <see cref="RollupRequest.Period"/>)
/// that holds the as-of day, from <see cref="PeriodWindow.Containing"/> with the owner team's week start and the
/// organisation's fiscal year, clipped to the KPI's Start..End (else its KGI's Start..Deadline). A KGI is judged
/// over Start..Deadline.</item>
/// <item><b>Working days</b> come from the team's <see cref="WorkCalendar"/> (KDI: its team; KPI and KGI: the
/// owner team; a person: their team) less the person's time off.</item>
/// <item><b>KDI targets.</b> Per person: daily target × the person's working days in the window (weekly: weekly
/// target × working days ÷ working weekdays of a full week, 5 for Monday–Friday). Team scope: daily target ×
/// team working days, each rep's share = that ÷ reps. People are the team's members with role rep. The KDI's
/// team figure: Σ reps' targets (team scope: the team target) against Σ of every recorded total.</item>
/// <item><b>KPI actuals.</b> From KDIs: Σ KDI actual × conversion rate (null = 1) + Σ derived inputs × rate.
/// Reported: Σ (sum), Σ ÷ count of entries (average), or the latest value. Ratio: numerator ÷ denominator,
/// × 100 when the KPI's unit is "%", 0 when the denominator is 0.</item>
/// <item><b>KPI targets.</b> Summed KPIs: target per period, pro-rated by working days for each of its periods
/// the window touches (a week across a month end takes its share of each month). Ratio / average / latest: the
/// target as is. Per-person KPI figures (KPIs fed by KDIs): each rep of the feeding teams gets target ÷ reps.</item>
/// <item><b>KGI.</b> Sum: baseline + Σ contributing KPIs' actuals over the KGI window (each clipped to the KPI's
/// own window), against the absolute target. Weighted: progress = Σ wᵢ·(actualᵢ ÷ targetᵢ) ÷ Σ wᵢ over the KGI
/// window, shown as the equivalent actual target × progress so pace and forecast read the same way.</item>
/// <item><b>KSF</b> has no number (no figures); the tree shows its KPIs beneath it.</item>
/// <item><b>Pace, forecast, status:</b> see <see cref="ProgressMath"/>.</item>
/// </list>
/// </summary>
public sealed class RollupCalculator
{
    private RollupCalculator()
    {
    }

    /// <summary>Which (window, node) totals <see cref="Compute"/> will read for this request.</summary>
    public static RollupPlan Plan(GoalsModel model, RollupRequest request)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        var recorder = new PlanRecorder();
        new RollupEvaluator(model, request, recorder).Evaluate();
        return recorder.ToPlan();
    }

    /// <summary>The rolled-up tree, reading the totals fetched for <see cref="Plan"/>; missing totals count as 0.</summary>
    public static RollupReport Compute(GoalsModel model, RollupRequest request, RollupActuals actuals)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actuals);
        return new RollupEvaluator(model, request, actuals).Evaluate();
    }

    /// <summary>Notes every (window, node) the walk asks for and answers "nothing recorded".</summary>
    private sealed class PlanRecorder : IActualsLookup
    {
        private readonly Dictionary<PeriodWindow, SortedSet<string>> _wanted = [];

        public NodeTotals Get(PeriodWindow window, string nodeId)
        {
            if (!_wanted.TryGetValue(window, out var nodes))
            {
                nodes = new SortedSet<string>(StringComparer.Ordinal);
                _wanted.Add(window, nodes);
            }

            nodes.Add(nodeId);
            return NodeTotals.None;
        }

        public RollupPlan ToPlan() => new(_wanted
            .OrderBy(w => w.Key.Start).ThenBy(w => w.Key.End)
            .Select(w => new ActualsQuery(w.Key, w.Value.ToList()))
            .ToList());
    }
}
