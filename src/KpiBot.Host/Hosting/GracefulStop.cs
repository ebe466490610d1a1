using Microsoft.Extensions.Options;

namespace KpiBot.Host.Hosting;

/// <summary>
/// The one rule for an orderly stop, all within <see cref="HostOptions.ShutdownTimeout"/> (T, set by
/// <c>KpiBot:ShutdownTimeout</c>): the first SIGTERM or SIGINT stops the host and any later one is ignored;
/// Kestrel stops taking requests and finishes those it has; background jobs get T/3 to end on their own, then
/// their cancellation token fires — a send batch starts no new send and hands what it has not started back to
/// the queue, which the next host (or this one, restarted) sends; a send already on the wire is let finish
/// until 2T/3 (<see cref="InFlight"/>), and only then cancelled (its delivery ends Unknown, never sent twice);
/// Hangfire waits for its workers until 5T/6, so it reports itself stopped before the host gives up at T.
/// </summary>
public sealed class GracefulStop : IDisposable
{
    private readonly CancellationTokenSource _inFlight = new();
    private readonly CancellationTokenRegistration _stopping;

    public GracefulStop(IHostApplicationLifetime lifetime, IOptions<HostOptions> host)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        ArgumentNullException.ThrowIfNull(host);
        var deadline = InFlightTimeout(host.Value.ShutdownTimeout);
        _stopping = lifetime.ApplicationStopping.Register(() => _inFlight.CancelAfter(deadline));
    }

    /// <summary>Cancelled 2T/3 after the host began to stop: the token for work already on the wire (a platform call).</summary>
    public CancellationToken InFlight => _inFlight.Token;

    /// <summary>Hangfire's StopTimeout: how long a running job may go on before its cancellation token fires.</summary>
    public static TimeSpan JobsStopTimeout(TimeSpan shutdown) => shutdown / 3;

    /// <summary>How long work already on the wire may go on after the stop began.</summary>
    public static TimeSpan InFlightTimeout(TimeSpan shutdown) => shutdown * 2 / 3;

    /// <summary>Hangfire's ShutdownTimeout: how long it waits for its workers before it gives up on them.</summary>
    public static TimeSpan JobsShutdownTimeout(TimeSpan shutdown) => shutdown * 5 / 6;

    public void Dispose()
    {
        _stopping.Dispose();
        _inFlight.Dispose();
    }
}
