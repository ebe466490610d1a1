using KpiBot.Core.Chat;
using KpiBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace KpiBot.Slack.People;

/// <summary>
/// What Slack can tell Core's <see cref="ChatDirectory"/> about its users: users.info for someone who wrote and
/// is not known yet (a failure — a guest of another workspace, no token — is logged and answers "not found"; the
/// directory remembers it, so it is one call and one log line in a while); users.lookupByEmail in each workspace
/// the bot has a token for (a workspace that refuses for good — <c>invalid_auth</c>, <c>missing_scope</c> — is
/// passed over; 429s and passing failures are failures to retry on); conversations.open for a 1:1.
/// </summary>
public sealed class SlackProfileSource(SlackApiClient client, SlackWorkspaces workspaces, ILogger<SlackProfileSource> logger) : IChatProfileSource
{
    public string Platform => Platforms.Slack;

    public async Task<ChatLookup<ChatUserInfo>> ProfileAsync(ChatUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        try
        {
            var info = await client.UserInfoAsync(user.TenantId, user.UserId, cancellationToken).ConfigureAwait(false);
            return ChatLookup.Found(SlackPeople.ProfileOf(user, info));
        }
        catch (Exception e) when (e is SlackApiException or SlackRateLimitedException or HttpRequestException)
        {
            Log.CallFailed(logger, "users.info", user.TenantId, e.Message);
            return ChatLookup.NotFound<ChatUserInfo>();
        }
    }

    public async Task<ChatLookup<ChatUserInfo>> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var team in await workspaces.TeamIdsAsync(cancellationToken).ConfigureAwait(false))
            {
                SlackUserInfo? found;
                try
                {
                    found = await client.FindUserByEmailAsync(team, email, cancellationToken).ConfigureAwait(false);
                }
                catch (SlackApiException e) when (!e.IsTransient && e.Error != "ratelimited")
                {
                    Log.CallFailed(logger, "users.lookupByEmail", team, e.Error);
                    continue;
                }

                if (found is not null && SlackPeople.IsPerson(found, team))
                {
                    return ChatLookup.Found(SlackPeople.ProfileOf(new ChatUser(Platforms.Slack, team, found.Id!), found));
                }
            }

            return ChatLookup.NotFound<ChatUserInfo>();
        }
        catch (Exception e) when (SlackChatPort.Refusal(e, cancellationToken) is not null)
        {
            return ChatLookup.Failed<ChatUserInfo>(SlackChatPort.Refusal(e, cancellationToken)!);
        }
    }

    public async Task<ChatLookup<ConversationAddress>> OpenPersonalAsync(ChatUserInfo user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        try
        {
            var channel = await client.OpenConversationAsync(user.User.TenantId, user.User.UserId, cancellationToken).ConfigureAwait(false);
            return ChatLookup.Found(new ConversationAddress(Platforms.Slack, user.User.TenantId, channel));
        }
        catch (Exception e) when (SlackChatPort.Refusal(e, cancellationToken) is not null)
        {
            return ChatLookup.Failed<ConversationAddress>(SlackChatPort.Refusal(e, cancellationToken)!);
        }
    }
}
