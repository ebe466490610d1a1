namespace KpiBot.Core.Delivery;

/// <summary>Hands claimed deliveries to the background sender (Hangfire in the host; ids only).</summary>
public interface IDeliveryQueue
{
    Task EnqueueAsync(IReadOnlyCollection<long> deliveryIds, CancellationToken cancellationToken);
}
