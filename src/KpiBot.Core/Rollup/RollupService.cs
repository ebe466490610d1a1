using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Core.Outcomes;

namespace KpiBot.Core.Rollup;

/// <summary>
/// Plans a rollup, fetches the totals it needs (one aggregated query per window, plus one for the reported
/// actuals of KGIs and KPIs when the window has such nodes) and computes it.
/// </summary>
public sealed class RollupService(ICheckInTotals totals, IOutcomeStore? outcomes = null)
{
    private readonly ICheckInTotals _totals = totals ?? throw new ArgumentNullException(nameof(totals));

    public async Task<RollupReport> ComputeAsync(GoalsModel model, RollupRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        var actuals = new RollupActuals();
        foreach (var query in RollupCalculator.Plan(model, request).Queries)
        {
            // One at a time: a store behind the port may not take concurrent queries on one connection.
            var rows = await _totals.GetTotalsAsync(query.Window, query.NodeIds, null, ct).ConfigureAwait(false);
            actuals.Add(query.Window, rows);
            var reported = query.NodeIds
                .Where(id => model.NodesById.TryGetValue(id, out var node) && OutcomeNodes.ReportingOf(node) is not null)
                .ToList();
            if (outcomes is not null && reported.Count > 0)
            {
                actuals.Add(query.Window, await outcomes.GetTotalsAsync(query.Window, reported, ct).ConfigureAwait(false));
            }
        }

        return RollupCalculator.Compute(model, request, actuals);
    }
}
