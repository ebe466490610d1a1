namespace KpiBot.Core.Inbound;

/// <summary>
/// What an inbound chat request leaves to do after its answer (run a command, post the replies, update a card),
/// queued on <see cref="IInboundQueue"/>. <see cref="RunAsync"/> gets a DI scope of its own. <see cref="Durable"/>
/// writes the same work as text that another process can run (<see cref="IInboundResumer"/> of
/// <see cref="Platform"/>): the host hands it to a durable job when it stops before the work started. Null when the
/// work cannot outlive this process (it is logged as lost then).
/// </summary>
public sealed record InboundWork(string Platform, string Kind, Func<IServiceProvider, CancellationToken, Task> RunAsync)
{
    public Func<string>? Durable { get; init; }
}

/// <summary>
/// The host's one inbound queue: bounded, drained a few at a time, each item in its own scope; on stop it drains
/// for a while, then hands what has not started to a durable job (docs/architecture.md, "Stopping").
/// </summary>
public interface IInboundQueue
{
    /// <summary>Items queued or running (tests wait for 0; operators may watch it).</summary>
    int Pending { get; }

    /// <summary>Queues <paramref name="work"/>; false when the queue is full (the caller logs and drops it).</summary>
    bool TryEnqueue(InboundWork work);

    /// <summary>Queues <paramref name="work"/>, waiting for room when the queue is full.</summary>
    ValueTask EnqueueAsync(InboundWork work, CancellationToken cancellationToken);
}

/// <summary>An adapter's way to run work another process wrote with <see cref="InboundWork.Durable"/>.</summary>
public interface IInboundResumer
{
    /// <summary>The platform whose work this runs (<c>Platforms.Slack</c>, <c>Platforms.Teams</c>).</summary>
    string Platform { get; }

    Task ResumeAsync(string kind, string payload, CancellationToken cancellationToken);
}
