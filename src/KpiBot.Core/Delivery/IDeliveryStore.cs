using System.Linq.Expressions;
using KpiBot.Core.Chat;
using KpiBot.Core.Scheduling;

namespace KpiBot.Core.Delivery;

public enum DeliveryState
{
    /// <summary>Claimed by the dispatcher; a send job will pick it up.</summary>
    Pending,
    /// <summary>
    /// A sender took it and is getting the message ready (finding the person's conversation, building the card):
    /// nothing has been posted. If the sender dies or its database write fails now, the next attempt takes it over.
    /// </summary>
    Preparing,
    /// <summary>The message is being handed to the platform. If the host dies now, the next attempt marks it <see cref="Unknown"/>.</summary>
    Sending,
    Sent,
    /// <summary>It was in flight when a host died: it may or may not have arrived, so it is not sent again.</summary>
    Unknown,
    /// <summary>Not needed any more (a reminder for someone who answered, skipped or is off).</summary>
    Skipped,
    /// <summary>The recipient cannot be reached (blocked, uninstalled, deactivated).</summary>
    Unreachable,
    /// <summary>Gave up after the bounded retries.</summary>
    Failed,
}

/// <summary>States of a delivery not finished yet.</summary>
public static class DeliveryStates
{
    private static readonly DeliveryState[] InProgressStates = [.. Enum.GetValues<DeliveryState>().Where(IsInProgress)];

    /// <summary>Pending, Preparing or Sending: a send is still to come or under way.</summary>
    public static bool IsInProgress(this DeliveryState state) =>
        state is DeliveryState.Pending or DeliveryState.Preparing or DeliveryState.Sending;

    /// <summary>
    /// <see cref="IsInProgress"/> as an expression a database query can translate: the state that
    /// <paramref name="state"/> selects from a row equals one of the in-progress states. The states are taken from
    /// <see cref="IsInProgress"/> itself, so a query never lists them by hand and a new state cannot be missed.
    /// </summary>
    public static Expression<Func<TRow, bool>> InProgress<TRow>(Expression<Func<TRow, DeliveryState>> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var body = InProgressStates
            .Select(s => (Expression)Expression.Equal(state.Body, Expression.Constant(s)))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<TRow, bool>>(body, state.Parameters);
    }
}

/// <summary>A delivery row: one occurrence to one recipient, sent at most once.</summary>
public sealed record DeliveryRecord(
    long Id,
    Occurrence Occurrence,
    DeliveryState State,
    int Attempts,
    MessageRef? Message,
    string? Detail);

/// <summary>
/// Idempotent delivery: a row per occurrence key is claimed (unique insert) before anything is sent, taken by a
/// sender (Preparing, its attempt number the sender's token), moved to Sending right before the platform is
/// called, and to a final state after. Only a row found Sending can have been posted, so only it ends Unknown; a
/// row found Preparing is taken over. Claiming is done in the database, never with a lock that a killed process
/// could leave held.
/// </summary>
public interface IDeliveryStore
{
    /// <summary>Inserts Pending rows for occurrences not claimed before; returns the ids of the rows this call inserted.</summary>
    Task<IReadOnlyList<long>> ClaimAsync(IReadOnlyCollection<Occurrence> occurrences, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Notes that a send job exists for these rows.</summary>
    Task MarkEnqueuedAsync(IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Pending rows never enqueued (the host died between claim and enqueue), claimed before <paramref name="claimedBefore"/>.</summary>
    Task<IReadOnlyList<long>> StrandedAsync(DateTimeOffset claimedBefore, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a row for sending: a Pending row, or a Preparing one whose sender died or failed before posting
    /// (nothing was posted), moves to Preparing with attempts + 1, and that attempt number is this sender's token.
    /// A row found Sending (its post may have happened) is moved to Unknown instead. Returns the row as this call
    /// left it (State Preparing when this call took it), or null when no row has that id or another sender took
    /// it at the same moment.
    /// </summary>
    Task<DeliveryRecord?> BeginSendAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="BeginSendAsync(long, DateTimeOffset, CancellationToken)"/> for a batch of rows, as one step (a store
    /// may take them all with one statement): the rows as this call left them, those of unknown ids left out. A row
    /// returned Preparing is this caller's, its attempt number the token.
    /// </summary>
    async Task<IReadOnlyList<DeliveryRecord>> BeginSendAsync(IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var records = new List<DeliveryRecord>(ids.Count);
        foreach (var id in ids.Distinct())
        {
            if (await BeginSendAsync(id, now, cancellationToken).ConfigureAwait(false) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    /// <summary>
    /// Preparing → Sending, right before the platform is called, if the row is still this sender's
    /// (<paramref name="attempt"/>); false when another sender took it over (then nothing may be posted).
    /// </summary>
    Task<bool> BeginPostAsync(long id, int attempt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Finishes this sender's row (<paramref name="attempt"/>; Preparing, Sending, or Unknown since) in a final
    /// state, with the sent message's reference when delivered.
    /// </summary>
    Task CompleteAsync(long id, int attempt, DeliveryState state, MessageRef? message, string? detail, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Puts this sender's row back to Pending for a retry at <paramref name="retryAt"/> (rate limit, passing failure, a later time).</summary>
    Task ReleaseAsync(long id, int attempt, DateTimeOffset retryAt, string? detail, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Rows left Preparing or Sending since before <paramref name="updatedBefore"/> — their sender died, or its
    /// job was given up while the database was away — noted as handed over at <paramref name="now"/> (so the next
    /// run does not hand them over again at once). Sent to a sender again, a Preparing one is taken over and a
    /// Sending one ends Unknown.
    /// </summary>
    Task<IReadOnlyList<long>> StuckAsync(DateTimeOffset updatedBefore, DateTimeOffset now, int max, CancellationToken cancellationToken);

    Task<DeliveryRecord?> FindAsync(string occurrenceKey, CancellationToken cancellationToken);

    /// <summary>The rows of these occurrence keys that exist, in one round trip (a lead's <c>start</c> reports on them).</summary>
    Task<IReadOnlyList<DeliveryRecord>> FindManyAsync(IReadOnlyCollection<string> occurrenceKeys, CancellationToken cancellationToken);

    /// <summary>
    /// Notes that one part of a delivery with several destinations (a digest to each linked channel) is done,
    /// so a retry after a rate limit on another part does not post it again.
    /// </summary>
    Task MarkPartDoneAsync(long id, string part, CancellationToken cancellationToken);

    /// <summary>The parts of a delivery already done (see <see cref="MarkPartDoneAsync"/>).</summary>
    Task<IReadOnlySet<string>> DonePartsAsync(long id, CancellationToken cancellationToken);

    /// <summary>Of these people, those whose latest delivery ended Unreachable (the lead sees them in status).</summary>
    Task<IReadOnlySet<string>> UnreachableAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken);
}
