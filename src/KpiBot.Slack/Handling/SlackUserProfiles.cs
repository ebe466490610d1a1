using KpiBot.Core.Chat;
using KpiBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace KpiBot.Slack.Handling;

/// <summary>
/// What the engine needs to know about a Slack user it may not know yet: their email (so Core links them to a
/// person of the goals file) and their Slack locale. users.info is called once per user, the first time they
/// write and are not linked; the answer is kept in <see cref="IChatUserStore"/>. A linked user costs nothing
/// here (the identity lookup is cached).
/// </summary>
public sealed class SlackUserProfiles(
    SlackApiClient client, IChatUserStore users, IIdentityStore identities, TimeProvider time, ILogger<SlackUserProfiles> logger)
{
    public async Task<(string? Email, string? Locale)> ProfileAsync(ChatUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        // A linked user needs nothing more: the identity answer is cached per host, and their saved locale
        // already reaches the engine through the goals (Person.ChatLocale), so this costs no database read.
        if (await identities.FindPersonIdAsync(user, ct).ConfigureAwait(false) is not null)
        {
            return (null, null);
        }

        var known = await users.FindAsync(user, ct).ConfigureAwait(false);
        if (known is not null)
        {
            return (known.Email, known.Locale);
        }

        try
        {
            var info = await client.UserInfoAsync(user.TenantId, user.UserId, ct).ConfigureAwait(false);
            var name = info.Profile?.DisplayName is { Length: > 0 } display ? display : info.Profile?.RealName;
            var saved = new ChatUserInfo(user, name, info.Profile?.Email, info.Tz, info.Locale);
            await users.SaveAsync(saved, time.GetUtcNow(), ct).ConfigureAwait(false);
            return (saved.Email, saved.Locale);
        }
        catch (Exception e) when (e is SlackApiException or SlackRateLimitedException or HttpRequestException)
        {
            // A guest from another workspace (user_not_found), no token, Slack down: Core answers as for anyone unknown.
            Log.CallFailed(logger, "users.info", user.TenantId, e.Message);
            return (null, null);
        }
    }
}
