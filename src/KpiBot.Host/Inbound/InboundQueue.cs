using System.Threading.Channels;
using KpiBot.Core.Inbound;
using KpiBot.Host.Hosting;
using Microsoft.Extensions.Options;

namespace KpiBot.Host.Inbound;

/// <summary>
/// The host's one inbound queue, for Slack and Teams alike: the work a chat request leaves after its answer,
/// bounded (<see cref="Capacity"/>), run <see cref="Parallelism"/> at a time, each item in its own DI scope; a
/// failing item is logged and does not stop the rest.
/// <para>
/// One rule on stop, timed from the moment the host begins to stop, within <see cref="HostOptions.ShutdownTimeout"/>
/// (T): the queue goes on draining until <see cref="DrainTimeout"/> (T/3); what has not started by then — and work
/// that requests still being answered queue after it — is handed to a durable job
/// (<see cref="InboundHandoverJob"/>) that the next host, or this one restarted, runs. Work already running is let
/// finish until 2T/3 (<see cref="GracefulStop.InFlightTimeout"/>), then its cancellation token fires. Work with no
/// durable form (<see cref="InboundWork.Durable"/> null) is logged as lost.
/// </para>
/// </summary>
public sealed class InboundQueue : IInboundQueue, IHostedService, IDisposable
{
    /// <summary>Items waiting at most; when full, Slack's work is refused (and logged), Teams' request waits for room.</summary>
    public const int Capacity = 1000;

    /// <summary>Items run at once.</summary>
    public const int Parallelism = 8;

    private readonly Channel<InboundWork> _items =
        Channel.CreateBounded<InboundWork>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    private readonly CancellationTokenSource _drain = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly IInboundHandover _handover;
    private readonly ILogger<InboundQueue> _logger;
    private readonly TimeSpan _shutdown;
    private readonly CancellationTokenRegistration _onStopping;
    private readonly Lock _stopLock = new();
    private Task _readers = Task.CompletedTask;
    private int _pending;
    private bool _stopping;
    private bool _disposed;
    private Task? _stopped;

    public InboundQueue(
        IServiceScopeFactory scopes, IInboundHandover handover, IHostApplicationLifetime lifetime, IOptions<HostOptions> host, ILogger<InboundQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        ArgumentNullException.ThrowIfNull(host);
        _scopes = scopes;
        _handover = handover;
        _logger = logger;
        _shutdown = host.Value.ShutdownTimeout;
        _onStopping = lifetime.ApplicationStopping.Register(BeginStop);
    }

    /// <summary>How long a stopping host goes on taking items from the queue: a third of its shutdown timeout.</summary>
    public static TimeSpan DrainTimeout(TimeSpan shutdown) => shutdown / 3;

    public int Pending => Volatile.Read(ref _pending);

    /// <summary>True once the drain time is over: new work goes straight to the durable job.</summary>
    private bool Drained => _drain.IsCancellationRequested;

    public bool TryEnqueue(InboundWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Drained)
        {
            HandOver([work]);
            return true;
        }

        Interlocked.Increment(ref _pending);
        if (_items.Writer.TryWrite(work))
        {
            return true;
        }

        Interlocked.Decrement(ref _pending);
        if (_items.Reader.Completion.IsCompleted || Drained)
        {
            // Stopping: the queue takes no more, the durable job does.
            HandOver([work]);
            return true;
        }

        return false;
    }

    public async ValueTask EnqueueAsync(InboundWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Drained)
        {
            HandOver([work]);
            return;
        }

        Interlocked.Increment(ref _pending);
        try
        {
            await _items.Writer.WriteAsync(work, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            Interlocked.Decrement(ref _pending);
            HandOver([work]);
        }
        catch
        {
            Interlocked.Decrement(ref _pending);
            throw;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _readers = Task.WhenAll(Enumerable.Range(0, Parallelism).Select(_ => Task.Run(ReadAsync, CancellationToken.None)));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Takes no more work into the queue (later work is handed over at once), waits until it is drained or the drain
    /// time is over, hands over what is left, then waits for the running items (cancelled at 2T/3).
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Stopped once: a host stopped again (or disposed after a stop) gets the first stop's task.
        lock (_stopLock)
        {
            return _stopped ??= _disposed ? Task.CompletedTask : StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        BeginStop();
        _items.Writer.TryComplete();
        using var cut = cancellationToken.Register(Abort);
        var readers = _readers;
        try
        {
            await Task.WhenAny(readers, Task.Delay(Timeout.Infinite, _drain.Token)).ConfigureAwait(false);
        }
        finally
        {
            HandOverRest();
        }

        await readers.ConfigureAwait(false);
    }

    public void Dispose()
    {
        lock (_stopLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _onStopping.Dispose();
        _drain.Dispose();
        _abort.Dispose();
    }

    /// <summary>The clocks of the rule start when the host begins to stop (or when the queue is stopped alone).</summary>
    private void BeginStop()
    {
        lock (_stopLock)
        {
            if (_stopping || _disposed)
            {
                return;
            }

            _stopping = true;
            _drain.CancelAfter(DrainTimeout(_shutdown));
            _abort.CancelAfter(GracefulStop.InFlightTimeout(_shutdown));
        }
    }

    /// <summary>The host gave up waiting: running work is cancelled now.</summary>
    private void Abort()
    {
        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile: nothing runs any more.
        }
    }

    private async Task ReadAsync()
    {
        var drain = _drain.Token;
        try
        {
            while (await _items.Reader.WaitToReadAsync(drain).ConfigureAwait(false))
            {
                while (!Drained && _items.Reader.TryRead(out var work))
                {
                    await RunAsync(work).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (Drained)
        {
            // The drain time is over: StopAsync hands over what is left.
        }
    }

    private async Task RunAsync(InboundWork work)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            await work.RunAsync(scope.ServiceProvider, _abort.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // One item's failure must not stop the others.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.InboundFailed(_logger, e, work.Platform, work.Kind);
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    private void HandOverRest()
    {
        var rest = new List<InboundWork>();
        while (_items.Reader.TryRead(out var work))
        {
            Interlocked.Decrement(ref _pending);
            rest.Add(work);
        }

        HandOver(rest);
    }

    private void HandOver(IReadOnlyCollection<InboundWork> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        int handed = 0, lost = 0;
        foreach (var work in items)
        {
            if (work.Durable is null)
            {
                lost++;
                Log.InboundLost(_logger, work.Platform, work.Kind);
                continue;
            }

            try
            {
                _handover.HandOver(work.Platform, work.Kind, work.Durable());
                handed++;
            }
#pragma warning disable CA1031 // The storage may be gone on a stop; say so and go on with the rest.
            catch (Exception e)
#pragma warning restore CA1031
            {
                lost++;
                Log.HandOverFailed(_logger, e, work.Platform, work.Kind);
            }
        }

        Log.HandedOver(_logger, handed, lost);
    }
}
