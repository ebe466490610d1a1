using Hangfire;
using KpiBot.Core.Delivery;

namespace KpiBot.Host.Jobs;

/// <summary>
/// The engine's delivery queue on Hangfire: one small job per batch of <see cref="DeliveryOptions.SendBatchSize"/>
/// delivery ids, in the order given (due order, so a fan-out is sent fairly). Each enqueue is its own storage
/// transaction, so a large fan-out enqueues several at once rather than one after another.
/// </summary>
public sealed class HangfireDeliveryQueue(IBackgroundJobClient jobs, DeliveryOptions options) : IDeliveryQueue
{
    private const int Parallelism = 8;

    public Task EnqueueAsync(IReadOnlyCollection<long> deliveryIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        var batches = deliveryIds.Chunk(Math.Max(1, options.SendBatchSize)).ToList();
        if (batches.Count <= 1)
        {
            foreach (var batch in batches)
            {
                Enqueue(batch);
            }

            return Task.CompletedTask;
        }

        return Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            (batch, _) =>
            {
                Enqueue(batch);
                return ValueTask.CompletedTask;
            });
    }

    private void Enqueue(long[] batch) => jobs.Enqueue<SendDeliveryBatchJob>(j => j.RunAsync(batch, CancellationToken.None));
}
