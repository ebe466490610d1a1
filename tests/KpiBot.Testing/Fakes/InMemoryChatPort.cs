using System.Collections.Concurrent;
using KpiBot.Core.Chat;
using KpiBot.Core.Views;

namespace KpiBot.Testing.Fakes;

/// <summary>
/// A chat platform in memory: records every message sent, to whom, and every update. Outcomes can be
/// scripted per person (unreachable, rate-limited once, transient) to exercise the delivery rules.
/// </summary>
public sealed class InMemoryChatPort : IChatPort
{
    private readonly ConcurrentQueue<SentMessage> _sent = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SendOutcome>> _scripted = new(StringComparer.Ordinal);
    private long _nextId;

    public IReadOnlyList<SentMessage> Sent => [.. _sent];

    /// <summary>Messages to one person, in order.</summary>
    public IReadOnlyList<SentMessage> To(string personId) => [.. _sent.Where(m => m.PersonId == personId)];

    /// <summary>The next sends to <paramref name="recipient"/> (person id or channel conversation id) answer these outcomes first.</summary>
    public void Script(string recipient, params SendOutcome[] outcomes)
    {
        var queue = _scripted.GetOrAdd(recipient, _ => new ConcurrentQueue<SendOutcome>());
        foreach (var outcome in outcomes)
        {
            queue.Enqueue(outcome);
        }
    }

    /// <summary>Runs before each post is recorded (after the gate the sender gave): a test stops the world there.</summary>
    public Func<CancellationToken, Task>? OnPost { get; set; }

    public Task<SendOutcome> SendToPersonAsync(string personId, ChatView view, CancellationToken cancellationToken) =>
        SendToPersonAsync(personId, view, null, cancellationToken);

    public Task<SendOutcome> SendToPersonAsync(string personId, ChatView view, BeforePost? beforePost, CancellationToken cancellationToken) =>
        PostAsync(personId, new ConversationAddress(Platforms.Test, "test", "dm:" + personId), view, personId, beforePost, cancellationToken);

    public Task<SendOutcome> PostToChannelAsync(ConversationAddress channel, ChatView view, CancellationToken cancellationToken) =>
        PostToChannelAsync(channel, view, null, cancellationToken);

    public Task<SendOutcome> PostToChannelAsync(ConversationAddress channel, ChatView view, BeforePost? beforePost, CancellationToken cancellationToken) =>
        PostAsync(channel.ConversationId, channel, view, null, beforePost, cancellationToken);

    private async Task<SendOutcome> PostAsync(
        string recipient, ConversationAddress conversation, ChatView view, string? personId, BeforePost? beforePost, CancellationToken cancellationToken)
    {
        if (beforePost is not null && !await beforePost(cancellationToken))
        {
            return new SendOutcome.Withdrawn();
        }

        if (OnPost is { } onPost)
        {
            await onPost(cancellationToken);
        }

        return Record(recipient, conversation, view, personId, null);
    }

    public Task<SendOutcome> UpdateAsync(MessageRef message, ChatView view, CancellationToken cancellationToken) =>
        Task.FromResult(Record(message.Conversation.ConversationId, message.Conversation, view, null, message));

    private SendOutcome Record(string recipient, ConversationAddress conversation, ChatView view, string? personId, MessageRef? updated)
    {
        if (_scripted.TryGetValue(recipient, out var queue) && queue.TryDequeue(out var scripted))
        {
            return scripted;
        }

        var message = updated ?? new MessageRef(conversation, Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture));
        _sent.Enqueue(new SentMessage(personId, conversation, view, message, updated is not null));
        return new SendOutcome.Delivered(message);
    }
}

/// <summary>One message the in-memory port carried.</summary>
public sealed record SentMessage(string? PersonId, ConversationAddress Conversation, ChatView View, MessageRef Message, bool IsUpdate);
