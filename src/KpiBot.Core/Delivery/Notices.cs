using KpiBot.Core.Scheduling;

namespace KpiBot.Core.Delivery;

/// <summary>
/// Messages for others that something a person did causes (their leads told of a new blocker): each is
/// claimed as a delivery row, by ids only, and written and sent by the send job like a prompt — with its
/// retries, in each recipient's language, at most once.
/// </summary>
public sealed class Notices(IDeliveryStore deliveries, IDeliveryQueue queue, TimeProvider time)
{
    private readonly IDeliveryStore _deliveries = deliveries ?? throw new ArgumentNullException(nameof(deliveries));
    private readonly IDeliveryQueue _queue = queue ?? throw new ArgumentNullException(nameof(queue));
    private readonly TimeProvider _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>
    /// Tells the person's leads of the blocker they raised for <paramref name="day"/>: one notice per person and
    /// blocker day (key <c>BlockerNotice:person:day</c>). Returns false when it was claimed before.
    /// </summary>
    public async Task<bool> BlockerRaisedAsync(string personId, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        var now = _time.GetUtcNow();
        var claimed = await DeliveryHandOver.ClaimAsync(
            _deliveries, _queue, [new Occurrence(OccurrenceKind.BlockerNotice, personId, day, now)], now, cancellationToken).ConfigureAwait(false);
        return claimed.Count > 0;
    }
}
