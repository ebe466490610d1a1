using System.Threading.Channels;

namespace KpiBot.Teams.Inbound;

/// <summary>
/// Work taken from /api/messages to be done after the HTTP answer (the engine's replies are separate
/// outbound calls, so the Bot Framework gets its 200 at once). Bounded: when full, a request waits for
/// room rather than work being dropped. Drained by <see cref="TeamsInboundWorker"/>, also on shutdown.
/// </summary>
public sealed class TeamsInboundQueue
{
    public const int Capacity = 1000;

    private readonly Channel<Func<IServiceProvider, CancellationToken, Task>> _channel =
        Channel.CreateBounded<Func<IServiceProvider, CancellationToken, Task>>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    private int _pending;

    /// <summary>Work queued or running.</summary>
    public int Pending => Volatile.Read(ref _pending);

    internal ChannelReader<Func<IServiceProvider, CancellationToken, Task>> Reader => _channel.Reader;

    /// <summary>Queues work that runs in its own DI scope.</summary>
    public async ValueTask EnqueueAsync(Func<IServiceProvider, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _pending);
        try
        {
            await _channel.Writer.WriteAsync(work, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Decrement(ref _pending);
            throw;
        }
    }

    internal void Done() => Interlocked.Decrement(ref _pending);

    internal void Complete() => _channel.Writer.TryComplete();
}
