using Hangfire;
using KpiBot.Core.Delivery;

namespace KpiBot.Host.Jobs;

/// <summary>
/// The engine's delivery queue on Hangfire: one small job per delivery id. Each enqueue is its own storage
/// transaction, so a large fan-out enqueues several at once rather than one after another.
/// </summary>
public sealed class HangfireDeliveryQueue(IBackgroundJobClient jobs) : IDeliveryQueue
{
    private const int Parallelism = 16;

    public Task EnqueueAsync(IReadOnlyCollection<long> deliveryIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        if (deliveryIds.Count <= 1)
        {
            foreach (var id in deliveryIds)
            {
                jobs.Enqueue<SendDeliveryJob>(j => j.RunAsync(id, CancellationToken.None));
            }

            return Task.CompletedTask;
        }

        return Parallel.ForEachAsync(
            deliveryIds,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            (id, _) =>
            {
                jobs.Enqueue<SendDeliveryJob>(j => j.RunAsync(id, CancellationToken.None));
                return ValueTask.CompletedTask;
            });
    }
}
