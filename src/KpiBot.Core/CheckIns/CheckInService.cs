using KpiBot.Core.Calendar;
using KpiBot.Core.Delivery;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.CheckIns;

/// <summary>
/// The check-in write, whatever it comes through (chat card or command, command line, API): every value
/// passes <see cref="CheckInRules"/> first and nothing is stored unless all do; then each value is stored
/// (created, updated with a new audited revision, or left as it was) and the person's blocker is raised (a
/// new one tells their leads, through a notice delivery) or, when they answered themselves without one, resolved.
/// </summary>
public sealed class CheckInService(IGoalsProvider goals, ICheckInRepository checkIns, IBlockerStore blockers, Notices notices, TimeProvider time)
{
    private readonly IGoalsProvider _goals = goals ?? throw new ArgumentNullException(nameof(goals));
    private readonly ICheckInRepository _checkIns = checkIns ?? throw new ArgumentNullException(nameof(checkIns));
    private readonly IBlockerStore _blockers = blockers ?? throw new ArgumentNullException(nameof(blockers));
    private readonly Notices _notices = notices ?? throw new ArgumentNullException(nameof(notices));
    private readonly TimeProvider _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>Records the submission against the current goals.</summary>
    public async Task<CheckInResult> SubmitAsync(CheckInSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var model = await _goals.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return model is null
            ? CheckInResult.Refused(nameof(CheckInText.NoGoals))
            : await SubmitAsync(model, submission, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the submission against <paramref name="model"/> (the goals the caller already holds).</summary>
    public async Task<CheckInResult> SubmitAsync(GoalsModel model, CheckInSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(submission);
        if (!model.PeopleById.TryGetValue(submission.PersonId, out var person))
        {
            return CheckInResult.Refused(nameof(CheckInText.UnknownPerson), submission.PersonId);
        }

        if (submission.Values.Count == 0)
        {
            return CheckInResult.Refused(nameof(CheckInText.NoValues));
        }

        var today = Zones.Today(Zones.ZoneOf(person, model), _time);
        var problems = new List<ValueProblem>();
        var questions = new List<ValueProblem>();
        foreach (var (nodeId, value) in submission.Values)
        {
            if (CheckInRules.Check(model, person, nodeId, submission.Day, value, today, submission.Confirmed) is { } problem)
            {
                (problem.NeedsConfirmation ? questions : problems).Add(new ValueProblem(nodeId, problem));
            }
        }

        if (problems.Count > 0)
        {
            return CheckInResult.Refused(CheckInStatus.Rejected, problems);
        }

        if (!submission.Confirmed && submission.CardVersion is { } version)
        {
            questions.AddRange(await StaleAsync(submission, version, cancellationToken).ConfigureAwait(false));
        }

        if (questions.Count > 0)
        {
            return CheckInResult.Refused(CheckInStatus.NeedsConfirmation, questions);
        }

        return await StoreAsync(submission, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Values that someone saved after the sender's card version and that this submission would change.</summary>
    private async Task<IEnumerable<ValueProblem>> StaleAsync(CheckInSubmission submission, int version, CancellationToken ct)
    {
        var current = (await _checkIns.GetDayAsync(submission.PersonId, submission.Day, ct).ConfigureAwait(false))
            .ToDictionary(e => e.NodeId, StringComparer.Ordinal);
        return submission.Values
            .Where(v => current.TryGetValue(v.Key, out var e) && e.Revision > version && e.Value != v.Value)
            .Select(v => new ValueProblem(v.Key, new CheckInProblem(nameof(CheckInText.Stale), current[v.Key].Value, v.Value) { NeedsConfirmation = true }))
            .ToList();
    }

    private async Task<CheckInResult> StoreAsync(CheckInSubmission submission, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        // U+0000 cannot be kept in a PostgreSQL text column (the write failed and the whole check-in with it): dropped.
        var note = string.IsNullOrWhiteSpace(submission.Note) ? null : submission.Note.Replace("\0", string.Empty, StringComparison.Ordinal).Trim();
        var changedBy = submission.ChangedBy ?? submission.PersonId;
        var recorded = new List<RecordedValue>();
        var problems = new List<ValueProblem>();
        var values = submission.Values.ToList();
        var entries = values
            .Select(v => new CheckInEntry(submission.PersonId, v.Key, submission.Day, v.Value, note, submission.Blocker, submission.Source))
            .ToList();
        var results = await _checkIns.RecordAllAsync(entries, changedBy, now, ct).ConfigureAwait(false);
        for (var i = 0; i < values.Count; i++)
        {
            var (nodeId, value) = values[i];
            var result = results[i];
            if (result.Stored)
            {
                recorded.Add(new RecordedValue(nodeId, value, result.Outcome, result.Revision));
            }
            else
            {
                problems.Add(new ValueProblem(nodeId, new CheckInProblem(nameof(CheckInText.NotStored), value, result.Outcome)));
            }
        }

        var raised = await BlockerAsync(submission, note, now, ct).ConfigureAwait(false);
        var status = problems.Count == 0 ? CheckInStatus.Saved : recorded.Count > 0 ? CheckInStatus.PartlySaved : CheckInStatus.Rejected;
        return new CheckInResult(status, recorded, problems, raised);
    }

    /// <summary>
    /// Raises the person's blocker — when it was not open before, their leads are told (a notice delivery) and
    /// true is returned — or resolves it when they answered without one.
    /// </summary>
    private async Task<bool> BlockerAsync(CheckInSubmission submission, string? note, DateTimeOffset now, CancellationToken ct)
    {
        if (submission.Blocker)
        {
            if (!await _blockers.RaiseAsync(submission.PersonId, submission.Day, note, now, ct).ConfigureAwait(false))
            {
                return false;
            }

            await _notices.BlockerRaisedAsync(submission.PersonId, submission.Day, ct).ConfigureAwait(false);
            return true;
        }

        if (submission.ByThePerson)
        {
            await _blockers.ResolveAsync(submission.PersonId, submission.PersonId, now, ct).ConfigureAwait(false);
        }

        return false;
    }
}
