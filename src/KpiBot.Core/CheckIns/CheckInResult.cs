namespace KpiBot.Core.CheckIns;

/// <summary>What a submission did as a whole.</summary>
public enum CheckInStatus
{
    /// <summary>Every value was stored (created, updated or already the same).</summary>
    Saved,

    /// <summary>Nothing was stored: the values may be right, and the same submission with <c>Confirmed</c> stores them.</summary>
    NeedsConfirmation,

    /// <summary>Nothing was stored: at least one value broke a rule (or there were none).</summary>
    Rejected,

    /// <summary>Some values were stored and the store refused the others (see <see cref="CheckInResult.Problems"/>).</summary>
    PartlySaved,
}

/// <summary>One value as stored: what the store did and the entry's revision after it.</summary>
public sealed record RecordedValue(string NodeId, decimal Value, CheckInOutcome Outcome, int Revision);

/// <summary>Why one value (or, with no <see cref="NodeId"/>, the whole submission) was not stored.</summary>
public sealed record ValueProblem(string? NodeId, CheckInProblem Problem);

/// <summary>
/// The outcome of <see cref="CheckInService.SubmitAsync(CheckInSubmission, CancellationToken)"/>: the values stored,
/// the problems (refusals, or questions when <see cref="Status"/> is <see cref="CheckInStatus.NeedsConfirmation"/>),
/// and whether the submission opened a blocker that was not open before (its leads are to be told).
/// </summary>
public sealed record CheckInResult(
    CheckInStatus Status,
    IReadOnlyList<RecordedValue> Recorded,
    IReadOnlyList<ValueProblem> Problems,
    bool BlockerRaised = false)
{
    public bool AnySaved => Recorded.Count > 0;

    internal static CheckInResult Refused(CheckInStatus status, IReadOnlyList<ValueProblem> problems) => new(status, [], problems);

    internal static CheckInResult Refused(string code, params object[] args) =>
        new(CheckInStatus.Rejected, [], [new ValueProblem(null, new CheckInProblem(code, args))]);
}
