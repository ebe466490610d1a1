using Hangfire;
using KpiBot.Core.Delivery;
using KpiBot.Host.Hosting;

namespace KpiBot.Host.Jobs;

/// <summary>
/// Sends one delivery (its id is the only argument: method name and arguments are persisted contracts).
/// A retry the delivery asks for is scheduled as a new job at the time it names. Once the host stops it starts
/// no send; a send once begun is not cut short until <see cref="GracefulStop.InFlight"/>, because a send
/// cancelled on the wire would end Unknown.
/// </summary>
public sealed class SendDeliveryJob(DeliveryService deliveries, IBackgroundJobClient jobs, IDeliveryStore store, TimeProvider time, GracefulStop stop)
{
    // A send that failed before its post (the database went away) leaves the row Preparing, and the retry takes it
    // over; one that failed with its post on the wire leaves it Sending, and the retry marks it Unknown (at most
    // once). So retries are safe: ten of them (Hangfire's growing delays) outlast a database away for hours.
    [AutomaticRetry(Attempts = 10, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(long deliveryId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var onTheWire = stop.InFlight;
        var step = await deliveries.SendAsync(deliveryId, onTheWire);
        if (step.RetryAt is { } at)
        {
            // Hangfire schedules by its own clock: hand it the delay, not the instant.
            var delay = at - time.GetUtcNow();
            jobs.Schedule<SendDeliveryJob>(j => j.RunAsync(deliveryId, CancellationToken.None), delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
            await store.MarkEnqueuedAsync([deliveryId], time.GetUtcNow(), onTheWire);
        }
    }
}
