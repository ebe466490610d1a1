using KpiBot.Core.Delivery;

namespace KpiBot.Core.Conversations;

/// <summary>
/// Hands a reply's <see cref="ChatReply.Outbox"/> (a lead told of a new blocker) to delivery: each message is
/// claimed as a delivery row and sent by the delivery job, with its retries and at most once, like a prompt.
/// Adapters call it after answering the user, so the user's answer never waits on a message to someone else.
/// </summary>
public sealed class OutboxSender(IDeliveryStore deliveries, IDeliveryQueue queue, TimeProvider time)
{
    private readonly IDeliveryStore _deliveries = deliveries ?? throw new ArgumentNullException(nameof(deliveries));
    private readonly IDeliveryQueue _queue = queue ?? throw new ArgumentNullException(nameof(queue));
    private readonly TimeProvider _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>Claims and enqueues the messages; returns how many were new (a message claimed before is not sent again).</summary>
    public async Task<int> SendAsync(IReadOnlyList<OutboundMessage>? outbox, CancellationToken cancellationToken)
    {
        if (outbox is not { Count: > 0 })
        {
            return 0;
        }

        var now = _time.GetUtcNow();
        var ids = await DeliveryHandOver.ClaimAsync(_deliveries, _queue, [.. outbox.Select(m => m.ToOccurrence(now))], now, cancellationToken).ConfigureAwait(false);
        return ids.Count;
    }
}
