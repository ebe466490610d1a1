using Hangfire;
using KpiBot.Core.Delivery;

namespace KpiBot.Host.Jobs;

/// <summary>The engine's delivery queue on Hangfire: one small job per delivery id.</summary>
public sealed class HangfireDeliveryQueue(IBackgroundJobClient jobs) : IDeliveryQueue
{
    public Task EnqueueAsync(IReadOnlyCollection<long> deliveryIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        foreach (var id in deliveryIds)
        {
            jobs.Enqueue<SendDeliveryJob>(j => j.RunAsync(id, CancellationToken.None));
        }

        return Task.CompletedTask;
    }
}
