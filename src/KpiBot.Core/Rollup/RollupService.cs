using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Rollup;

/// <summary>Plans a rollup, fetches the totals it needs (one aggregated query per window) and computes it.</summary>
public sealed class RollupService(ICheckInTotals totals)
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
        }

        return RollupCalculator.Compute(model, request, actuals);
    }
}
