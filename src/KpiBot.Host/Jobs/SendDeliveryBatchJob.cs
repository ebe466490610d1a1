using Hangfire;
using KpiBot.Core.Delivery;
using KpiBot.Host.Hosting;

namespace KpiBot.Host.Jobs;

/// <summary>
/// The one job type that sends deliveries, and the engine's delivery queue on Hangfire (both ends in one place).
/// Handed ids (in due order, so a fan-out is sent fairly), it enqueues one small job per batch of
/// <see cref="DeliveryOptions.SendBatchSize"/> ids — ids only: the method and its arguments are persisted
/// contracts — several enqueues at once, each its own storage transaction. Run, a batch is taken and read once
/// (<see cref="DeliveryService.BeginAsync"/>: its rows, and its recipients' time off, day values and 1:1s, one query
/// each), then sent a few at once, each in its own scope (its own database context) from what was read; one job per
/// batch shares Hangfire's per-job cost (fetch, state rows) and the reads among its prompts. A delivery that asks to be retried
/// is scheduled again as a batch of one at the time it names. A job run again after a crash finds the rows it
/// already sent final and skips them, takes over those it had not posted yet, and marks the one whose
/// post was on the wire Unknown. When the host stops, Hangfire's
/// token fires (<see cref="GracefulStop"/>): no new send starts, a send on the wire is not cut short until
/// <see cref="GracefulStop.InFlight"/> (cancelled on the wire it would end Unknown), and the job ends cancelled,
/// which hands it back to the queue; its rerun skips what was sent.
/// </summary>
public sealed class SendDeliveryBatchJob(
    IServiceScopeFactory scopes, IBackgroundJobClient jobs, DeliveryOptions options, TimeProvider time, GracefulStop stop) : IDeliveryQueue
{
    private const int EnqueueParallelism = 8;

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
            new ParallelOptions { MaxDegreeOfParallelism = EnqueueParallelism, CancellationToken = cancellationToken },
            (batch, _) =>
            {
                Enqueue(batch);
                return ValueTask.CompletedTask;
            });
    }

    // A send that failed before its post (the database went away) leaves the row Preparing, and the retry takes it
    // over; one that failed with its post on the wire leaves it Sending, and the retry marks it Unknown (at most
    // once). So retries are safe: ten of them (Hangfire's growing delays) outlast a database away for hours.
    [AutomaticRetry(Attempts = 10, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(long[] deliveryIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        SendBatch batch;
        await using (var scope = scopes.CreateAsyncScope())
        {
            batch = await scope.ServiceProvider.GetRequiredService<DeliveryService>().BeginAsync(deliveryIds, cancellationToken);
        }

        await Parallel.ForEachAsync(
            batch.Taken,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.SendParallelism), CancellationToken = cancellationToken },
            (record, _) => SendAsync(batch, record));
    }

    private async ValueTask SendAsync(SendBatch batch, DeliveryRecord record)
    {
        var onTheWire = stop.InFlight;
        var deliveryId = record.Id;
        await using var scope = scopes.CreateAsyncScope();
        var step = await scope.ServiceProvider.GetRequiredService<DeliveryService>().SendAsync(batch, record, onTheWire);
        if (step.RetryAt is { } at)
        {
            // Hangfire schedules by its own clock: hand it the delay, not the instant.
            var delay = at - time.GetUtcNow();
            jobs.Schedule<SendDeliveryBatchJob>(j => j.RunAsync(new[] { deliveryId }, CancellationToken.None), delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
            await scope.ServiceProvider.GetRequiredService<IDeliveryStore>().MarkEnqueuedAsync([deliveryId], time.GetUtcNow(), onTheWire);
        }
    }

    private void Enqueue(long[] batch) => jobs.Enqueue<SendDeliveryBatchJob>(j => j.RunAsync(batch, CancellationToken.None));
}
