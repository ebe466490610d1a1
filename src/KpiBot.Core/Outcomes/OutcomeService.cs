using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Outcomes;

/// <summary>
/// Records reported actuals of KGIs and KPIs: <see cref="OutcomeRules"/> first, then one value per node (and
/// person, for per-person nodes) and reporting period in the store, with its history. The chat <c>report</c>
/// command, the command line and the REST API all come through here.
/// </summary>
public sealed class OutcomeService(IOutcomeStore store)
{
    private readonly IOutcomeStore _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <param name="today">The reporter's local today (the owner team's for the command line and the API).</param>
    public async Task<OutcomeResult> ReportAsync(
        GoalsModel model, OutcomeReport report, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(report);
        if (OutcomeRules.Check(model, report, today) is { } problem)
        {
            return OutcomeResult.Rejected(problem);
        }

        var node = model.NodesById[report.NodeId];
        var reporting = OutcomeNodes.ReportingOf(node)!;
        var period = OutcomeNodes.PeriodOf(model, node, report.Day);
        var personId = reporting.PerPerson ? report.ForPersonId ?? report.Reporter?.Id : null;
        var previous = await _store.GetAsync(node.Id, personId, period.Start, cancellationToken).ConfigureAwait(false);
        var entry = new OutcomeEntry(node.Id, personId, period.Start, report.Value, report.Note, report.Source);
        var record = await _store.RecordAsync(entry, report.ChangedBy, now, cancellationToken).ConfigureAwait(false);
        if (!record.Stored)
        {
            return OutcomeResult.Rejected(record.Rejection == ValueRejection.TooManyDecimals
                ? new OutcomeProblem(nameof(OutcomeText.TooPrecise), "value", report.Value)
                : record.Outcome == CheckInOutcome.UnknownNode
                    ? new OutcomeProblem(nameof(OutcomeText.NotAnOutcome), "node", node.Title)
                    : new OutcomeProblem(nameof(OutcomeText.TooLargeForStore), "value", report.Value));
        }

        return new OutcomeResult(null, entry with { Revision = record.Revision }, period, record.Outcome, previous?.Value);
    }

    /// <summary>The history of the value that <paramref name="day"/> falls in, oldest change first.</summary>
    public Task<IReadOnlyList<OutcomeChange>> HistoryAsync(
        GoalsModel model, string nodeId, string? personId, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var period = OutcomeNodes.PeriodOf(model, model.NodesById[nodeId], day);
        return _store.HistoryAsync(nodeId, personId, period.Start, cancellationToken);
    }
}

/// <summary>
/// What reporting did: a <see cref="Problem"/>, or the stored <see cref="Entry"/> for <see cref="Period"/>
/// (created, updated or unchanged) with the value it replaced.
/// </summary>
public sealed record OutcomeResult(
    OutcomeProblem? Problem,
    OutcomeEntry? Entry = null,
    PeriodWindow? Period = null,
    CheckInOutcome Outcome = CheckInOutcome.InvalidValue,
    decimal? PreviousValue = null)
{
    public bool Stored => Problem is null;

    public static OutcomeResult Rejected(OutcomeProblem problem) => new(problem);
}
