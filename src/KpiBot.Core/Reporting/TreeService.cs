using KpiBot.Core.CheckIns;
using KpiBot.Core.Conversations.Lead;
using KpiBot.Core.Goals;
using KpiBot.Core.Rollup;

namespace KpiBot.Core.Reporting;

/// <summary>
/// The rolled-up tree for the web side (API, dashboard, exports), computed as <c>status</c> computes it: for a team
/// (or everyone), a period kind and an as-of day, with the reps' time off taken out of their targets.
/// </summary>
public sealed class TreeService(RollupService rollup, IDayStore days)
{
    private readonly RollupService _rollup = rollup ?? throw new ArgumentNullException(nameof(rollup));
    private readonly IDayStore _days = days ?? throw new ArgumentNullException(nameof(days));

    public async Task<RollupReport> ComputeAsync(GoalsModel model, string? teamId, DateOnly asOf, PeriodKind? period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ids = RepDays.RepsOf(model, teamId).Select(p => p.Id).ToList();
        var timeOff = await RepDays.TimeOffAsync(model, ids, asOf, _days, ct).ConfigureAwait(false);
        return await _rollup.ComputeAsync(model, new RollupRequest(asOf, teamId, period, timeOff), ct).ConfigureAwait(false);
    }
}
