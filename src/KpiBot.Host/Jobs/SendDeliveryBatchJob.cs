using Hangfire;
using KpiBot.Core.Delivery;
using KpiBot.Host.Hosting;

namespace KpiBot.Host.Jobs;

/// <summary>
/// Sends a small batch of deliveries (ids only: the method and its arguments are persisted contracts), a few
/// at once, each in its own scope (its own database context). One job per batch shares Hangfire's per-job
/// cost (fetch, state rows) among <see cref="DeliveryOptions.SendBatchSize"/> prompts. A job run again after a
/// crash finds the rows it already sent final and skips them, takes over those it had not posted yet, and marks
/// the one whose post was on the wire Unknown.
/// A delivery that asks to be retried gets its own <see cref="SendDeliveryJob"/> at the time it names.
/// When the host stops, Hangfire's token fires (<see cref="GracefulStop"/>): no new send starts, the sends on
/// the wire finish, and the job ends cancelled, which hands it back to the queue; its rerun skips what was sent.
/// </summary>
public sealed class SendDeliveryBatchJob(IServiceScopeFactory scopes, DeliveryOptions options, GracefulStop stop)
{
    // Retried as SendDeliveryJob is (safe: rows done are skipped), long enough to outlast a database outage.
    [AutomaticRetry(Attempts = 10, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public Task RunAsync(long[] deliveryIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        return Parallel.ForEachAsync(
            deliveryIds,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.SendParallelism), CancellationToken = cancellationToken },
            async (id, _) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SendDeliveryJob>().RunAsync(id, stop.InFlight);
            });
    }
}
