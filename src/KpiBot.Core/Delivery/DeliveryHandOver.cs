using KpiBot.Core.Scheduling;

namespace KpiBot.Core.Delivery;

/// <summary>
/// The one way anything becomes a delivery: claim the occurrences (a unique row per key, so each is sent at
/// most once, whoever asks), hand the newly claimed ids to the send queue, and note that they were handed over
/// (a claim whose host died before that is picked up again by the dispatcher).
/// </summary>
public static class DeliveryHandOver
{
    /// <summary>Claims and enqueues; returns the ids this call claimed (keys claimed before are left alone).</summary>
    public static async Task<IReadOnlyList<long>> ClaimAsync(
        IDeliveryStore store, IDeliveryQueue queue, IReadOnlyCollection<Occurrence> occurrences, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(occurrences);
        if (occurrences.Count == 0)
        {
            return [];
        }

        var ids = await store.ClaimAsync(occurrences, now, cancellationToken).ConfigureAwait(false);
        await EnqueueAsync(store, queue, ids, now, cancellationToken).ConfigureAwait(false);
        return ids;
    }

    /// <summary>Hands claimed ids to the send queue and notes it.</summary>
    public static async Task EnqueueAsync(
        IDeliveryStore store, IDeliveryQueue queue, IReadOnlyList<long> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        await queue.EnqueueAsync(ids, cancellationToken).ConfigureAwait(false);
        await store.MarkEnqueuedAsync(ids, now, cancellationToken).ConfigureAwait(false);
    }
}
