using KpiBot.Core.Views;

namespace KpiBot.Core.Chat;

/// <summary>
/// What a chat platform adapter does for the engine. Views are platform-neutral records; the adapter
/// renders them (Block Kit, Adaptive Cards) and transports them. Implementations never throw for a
/// platform's refusal: they return a <see cref="SendOutcome"/>.
/// </summary>
public interface IChatPort
{
    /// <summary>Sends a direct message to a person (the adapter finds or opens their 1:1 conversation).</summary>
    Task<SendOutcome> SendToPersonAsync(string personId, ChatView view, CancellationToken cancellationToken);

    /// <summary>
    /// Sends a direct message to a person, asking <paramref name="beforePost"/> (when given) right before the
    /// platform is called, after their conversation was found.
    /// </summary>
    Task<SendOutcome> SendToPersonAsync(string personId, ChatView view, BeforePost? beforePost, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="SendToPersonAsync(string, ChatView, BeforePost?, CancellationToken)"/> for a person whose email is at
    /// hand and whose stored chat profile the caller may have read already (<paramref name="known"/>: a batch of sends
    /// reads them together, <see cref="ChatDirectory.ProfilesAsync"/>); a port that keeps no profiles ignores both.
    /// </summary>
    Task<SendOutcome> SendToPersonAsync(string personId, string? email, ChatUserInfo? known, ChatView view, BeforePost? beforePost, CancellationToken cancellationToken) =>
        SendToPersonAsync(personId, view, beforePost, cancellationToken);

    /// <summary>Posts to a channel linked to a team.</summary>
    Task<SendOutcome> PostToChannelAsync(ConversationAddress channel, ChatView view, CancellationToken cancellationToken);

    /// <summary>Posts to a channel, asking <paramref name="beforePost"/> (when given) right before the platform is called.</summary>
    Task<SendOutcome> PostToChannelAsync(ConversationAddress channel, ChatView view, BeforePost? beforePost, CancellationToken cancellationToken);

    /// <summary>Replaces a message the bot sent earlier (the prompt card becomes the receipt).</summary>
    Task<SendOutcome> UpdateAsync(MessageRef message, ChatView view, CancellationToken cancellationToken);

    /// <summary>Whether a chart goes to <paramref name="platform"/> as a message of its own (see <see cref="IChatSender.PostsChartsSeparately"/>).</summary>
    bool PostsChartsSeparately(string platform) => false;
}
