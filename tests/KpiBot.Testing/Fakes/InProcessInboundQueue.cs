using KpiBot.Core.Inbound;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Testing.Fakes;

/// <summary>
/// The inbound queue for adapter tests without the host: each item runs at once on the thread pool, in a scope of
/// its own; <see cref="Pending"/> counts what has not finished. (The host's queue, with its stop rule, is tested in
/// the host tests.)
/// </summary>
public sealed class InProcessInboundQueue(IServiceScopeFactory scopes) : IInboundQueue
{
    private int _pending;

    public int Pending => Volatile.Read(ref _pending);

    public bool TryEnqueue(InboundWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Items.Enqueue(work);
        Interlocked.Increment(ref _pending);
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work.RunAsync(scope.ServiceProvider, CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Failures.Add(e);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        });
        return true;
    }

    public ValueTask EnqueueAsync(InboundWork work, CancellationToken cancellationToken)
    {
        TryEnqueue(work);
        return ValueTask.CompletedTask;
    }

    /// <summary>Every item queued, in order (their durable forms are what a stopping host would hand over).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<InboundWork> Items { get; } = [];

    /// <summary>What the items threw (the host's queue logs them).</summary>
    public System.Collections.Concurrent.ConcurrentBag<Exception> Failures { get; } = [];
}
