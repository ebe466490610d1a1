using System.Collections.Concurrent;
using KpiBot.Core.Chat;
using KpiBot.Core.Views;

namespace KpiBot.Benchmarks;

/// <summary>
/// A chat platform stand-in that counts messages per person and, when given a rate, enforces it the way
/// Slack and the Bot Connector do: over the rate it answers 429 with a Retry-After instead of delivering.
/// </summary>
public sealed class CountingChatPort(double? perSecond) : IChatPort
{
    private readonly ConcurrentDictionary<string, int> _perPerson = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private double _tokens = perSecond ?? 0;
    private long _lastTicks = Environment.TickCount64;
    private long _delivered;
    private long _limited;

    public long Delivered => Interlocked.Read(ref _delivered);

    public long Limited => Interlocked.Read(ref _limited);

    public IReadOnlyDictionary<string, int> PerPerson => _perPerson;

    public async Task<SendOutcome> SendToPersonAsync(string personId, ChatView view, BeforePost? beforePost, CancellationToken cancellationToken) =>
        beforePost is null || await beforePost(cancellationToken) ? await SendToPersonAsync(personId, view, cancellationToken) : new SendOutcome.Withdrawn();

    public Task<SendOutcome> PostToChannelAsync(ConversationAddress channel, ChatView view, BeforePost? beforePost, CancellationToken cancellationToken) =>
        SendToPersonAsync(channel.ConversationId, view, beforePost, cancellationToken);

    public Task<SendOutcome> SendToPersonAsync(string personId, ChatView view, CancellationToken cancellationToken)
    {
        if (perSecond is { } rate && !TryTake(rate, out var wait))
        {
            Interlocked.Increment(ref _limited);
            return Task.FromResult<SendOutcome>(new SendOutcome.RateLimited(wait));
        }

        _perPerson.AddOrUpdate(personId, 1, (_, n) => n + 1);
        var id = Interlocked.Increment(ref _delivered);
        return Task.FromResult<SendOutcome>(new SendOutcome.Delivered(
            new MessageRef(new ConversationAddress(Platforms.Test, "bench", "dm:" + personId), id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    public Task<SendOutcome> PostToChannelAsync(ConversationAddress channel, ChatView view, CancellationToken cancellationToken) =>
        SendToPersonAsync(channel.ConversationId, view, cancellationToken);

    public Task<SendOutcome> UpdateAsync(MessageRef message, ChatView view, CancellationToken cancellationToken) =>
        Task.FromResult<SendOutcome>(new SendOutcome.Delivered(message));

    private bool TryTake(double rate, out TimeSpan wait)
    {
        lock (_gate)
        {
            var now = Environment.TickCount64;
            _tokens = Math.Min(rate, _tokens + (now - _lastTicks) / 1000.0 * rate);
            _lastTicks = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                wait = TimeSpan.Zero;
                return true;
            }

            wait = TimeSpan.FromSeconds(1);
            return false;
        }
    }
}
