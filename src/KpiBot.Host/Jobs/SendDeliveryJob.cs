using Hangfire;

namespace KpiBot.Host.Jobs;

/// <summary>
/// A retry or snooze scheduled by an earlier version, when a single send had its own job type: run as a batch of
/// one by <see cref="SendDeliveryBatchJob"/>, the one job type that sends now. Nothing enqueues this any more; it
/// stays so jobs already in Hangfire's storage (method and arguments are persisted contracts) still run.
/// </summary>
public sealed class SendDeliveryJob(SendDeliveryBatchJob batch)
{
    [AutomaticRetry(Attempts = 10, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public Task RunAsync(long deliveryId, CancellationToken cancellationToken) => batch.RunAsync([deliveryId], cancellationToken);
}
