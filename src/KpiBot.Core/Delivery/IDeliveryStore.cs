using KpiBot.Core.Chat;
using KpiBot.Core.Scheduling;

namespace KpiBot.Core.Delivery;

public enum DeliveryState
{
    /// <summary>Claimed by the dispatcher; a send job will pick it up.</summary>
    Pending,
    /// <summary>A send is in flight. If the host dies now, the next attempt marks it <see cref="Unknown"/>.</summary>
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

/// <summary>A delivery row: one occurrence to one recipient, sent at most once.</summary>
public sealed record DeliveryRecord(
    long Id,
    Occurrence Occurrence,
    DeliveryState State,
    int Attempts,
    MessageRef? Message,
    string? Detail);

/// <summary>
/// Idempotent delivery: a row per occurrence key is claimed (unique insert) before anything is sent, moved to
/// Sending right before the send, and to a final state after. Claiming is done in the database, never with
/// a lock that a killed process could leave held.
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
    /// Moves a Pending row to Sending (attempts + 1) and returns it; a row found in Sending (its sender died)
    /// is moved to Unknown instead. Returns the row in its resulting state, or null when no row has that id.
    /// </summary>
    Task<DeliveryRecord?> BeginSendAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Finishes a Sending row in a final state, with the sent message's reference when delivered.</summary>
    Task CompleteAsync(long id, DeliveryState state, MessageRef? message, string? detail, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Puts a Sending row back to Pending for a retry at <paramref name="retryAt"/> (rate limit, passing failure).</summary>
    Task ReleaseAsync(long id, DateTimeOffset retryAt, string? detail, DateTimeOffset now, CancellationToken cancellationToken);

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
