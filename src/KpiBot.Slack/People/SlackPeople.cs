using KpiBot.Core.Chat;
using KpiBot.Slack.Api;

namespace KpiBot.Slack.People;

/// <summary>Which Slack users can be people of the goals file, and how their profile is kept.</summary>
public static class SlackPeople
{
    /// <summary>
    /// A person of <paramref name="teamId"/>: not a bot or an app's user, not deactivated, not Slackbot, with a
    /// profile email, and a member of this workspace — a Slack Connect member of another workspace (another
    /// <c>team_id</c>) is skipped. The workspace's own guests (<c>is_restricted</c>, <c>is_ultra_restricted</c>)
    /// count: the goals file, not the Slack role, says who checks in, as on first contact.
    /// </summary>
    public static bool IsPerson(SlackUserInfo user, string teamId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user is { Id.Length: > 0, IsBot: false, IsAppUser: false, Deleted: false, Profile.Email.Length: > 0 }
            && user.Id != "USLACKBOT"
            && (user.TeamId is null || user.TeamId == teamId);
    }

    /// <summary>The profile to keep: display name (else real name), email, time zone, locale.</summary>
    public static ChatUserInfo ProfileOf(ChatUser chatUser, SlackUserInfo user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Profile?.DisplayName is { Length: > 0 } display ? display : user.Profile?.RealName;
        return new ChatUserInfo(chatUser, name, user.Profile?.Email, user.Tz, user.Locale);
    }
}
