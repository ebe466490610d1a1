using KpiBot.Core.Chat;
using KpiBot.Teams.Connector;

namespace KpiBot.Teams.Inbound;

/// <summary>
/// What Teams can tell Core's <see cref="ChatDirectory"/>: the 1:1 conversation with a user, opened on the service
/// URL learnt from an authenticated activity (someone never seen cannot be written to: <c>no_service_url</c>).
/// Teams has no profile or email lookup without a conversation: profiles and links come from the activities and
/// member lists the <see cref="TeamsRoster"/> hands to the directory.
/// </summary>
public sealed class TeamsProfileSource(BotConnectorClient connector) : IChatProfileSource
{
    public string Platform => Platforms.Teams;

    public Task<ChatLookup<ChatUserInfo>> ProfileAsync(ChatUser user, CancellationToken cancellationToken) =>
        Task.FromResult(ChatLookup.NotFound<ChatUserInfo>());

    public Task<ChatLookup<ChatUserInfo>> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        Task.FromResult(ChatLookup.NotFound<ChatUserInfo>());

    public async Task<ChatLookup<ConversationAddress>> OpenPersonalAsync(ChatUserInfo user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.ServiceUrl is null)
        {
            return ChatLookup.Failed<ConversationAddress>(new SendOutcome.Unreachable("no_service_url"));
        }

        var created = await connector.CreatePersonalConversationAsync(user.ServiceUrl, user.User.TenantId, user.User.UserId, cancellationToken).ConfigureAwait(false);
        return created.Value is { } conversation ? ChatLookup.Found(conversation) : ChatLookup.Failed<ConversationAddress>(created.Failure!);
    }
}
