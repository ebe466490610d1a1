using System.Collections.Concurrent;

namespace KpiBot.Slack.Api;

/// <summary>
/// Keeps this host to about one message a second per channel, as Slack asks of chat.postMessage: a post to a
/// channel that had one less than <see cref="Interval"/> ago waits its turn (posts to different channels never
/// wait for each other). Other hosts are not counted; Slack's 429 with Retry-After covers the rest. It runs
/// on the real clock, whatever clock the engine is given: Slack's limit is in real seconds.
/// </summary>
public sealed class SlackChannelPacer
{
    private readonly TimeProvider _time;

    public SlackChannelPacer()
        : this(TimeProvider.System)
    {
    }

    internal SlackChannelPacer(TimeProvider time) => _time = time;

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _next = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Waits until this host may post to <paramref name="channel"/>, and books the next second for it.</summary>
    public Task WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        TimeSpan wait;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_next.Count > PruneAbove)
            {
                foreach (var idle in _next.Where(e => e.Value <= now))
                {
                    _next.TryRemove(idle.Key, out _);
                }
            }

            var start = _next.TryGetValue(channel, out var next) && next > now ? next : now;
            _next[channel] = start + Interval;
            wait = start - now;
        }

        return wait > TimeSpan.Zero ? Task.Delay(wait, _time, cancellationToken) : Task.CompletedTask;
    }
}
