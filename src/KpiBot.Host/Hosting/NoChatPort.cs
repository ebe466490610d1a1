using KpiBot.Core.Chat;
using KpiBot.Core.Views;

namespace KpiBot.Host.Hosting;

/// <summary>
/// The chat port while no platform (Slack, Teams) is configured: nothing can be sent, so the dispatcher
/// does not run (nothing is claimed that could not be delivered), and a direct send reports unreachable.
/// </summary>
public sealed class NoChatPort : IChatPort
{
    private static readonly SendOutcome Nowhere = new SendOutcome.Unreachable("no chat platform is configured");

    public Task<SendOutcome> SendToPersonAsync(string personId, ChatView view, CancellationToken cancellationToken) => Task.FromResult(Nowhere);

    public Task<SendOutcome> SendToPersonAsync(string personId, ChatView view, BeforePost? beforePost, CancellationToken cancellationToken) => Task.FromResult(Nowhere);

    public Task<SendOutcome> PostToChannelAsync(ConversationAddress channel, ChatView view, CancellationToken cancellationToken) => Task.FromResult(Nowhere);

    public Task<SendOutcome> PostToChannelAsync(ConversationAddress channel, ChatView view, BeforePost? beforePost, CancellationToken cancellationToken) => Task.FromResult(Nowhere);

    public Task<SendOutcome> UpdateAsync(MessageRef message, ChatView view, CancellationToken cancellationToken) => Task.FromResult(Nowhere);
}
