using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KpiBot.Slack.Handling;

/// <summary>
/// The work a Slack request leaves after its acknowledgement (running a command, posting replies, updating a
/// card): a bounded in-process queue drained by <see cref="SlackWorkService"/>. Items hold only what the
/// request carried; they resolve their services in a scope of their own. A host that stops loses what is
/// queued — Slack has had its acknowledgement, so the user asks again (documented in docs/slack.md).
/// </summary>
public sealed class SlackWorkQueue
{
    /// <summary>Items waiting at most; when full, new work is refused (and logged) rather than piling up.</summary>
    public const int Capacity = 1000;

    private readonly Channel<Func<CancellationToken, Task>> _items =
        Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    private int _pending;

    /// <summary>Items queued or running (tests wait for 0; operators may watch it).</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>False when the queue is full.</summary>
    public bool TryEnqueue(Func<CancellationToken, Task> work)
    {
        Interlocked.Increment(ref _pending);
        if (_items.Writer.TryWrite(work))
        {
            return true;
        }

        Interlocked.Decrement(ref _pending);
        return false;
    }

    internal void Done() => Interlocked.Decrement(ref _pending);

    internal ChannelReader<Func<CancellationToken, Task>> Reader => _items.Reader;
}

/// <summary>Drains <see cref="SlackWorkQueue"/> with a few items at a time; a failing item is logged and does not stop the rest.</summary>
public sealed class SlackWorkService(SlackWorkQueue queue, ILogger<SlackWorkService> logger) : BackgroundService
{
    private const int Parallelism = 8;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(
            queue.Reader.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken },
            async (work, ct) =>
            {
                try
                {
                    await work(ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    Log.WorkFailed(logger, e);
                }
                finally
                {
                    queue.Done();
                }
            });
}
