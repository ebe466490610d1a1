namespace KpiBot.Core.Delivery;

/// <summary>What the background sender does next with a delivery: nothing, or run it again at a time.</summary>
public sealed record DeliveryStep(DateTimeOffset? RetryAt)
{
    public static readonly DeliveryStep Done = new((DateTimeOffset?)null);

    public static DeliveryStep Retry(DateTimeOffset at) => new(at);
}
