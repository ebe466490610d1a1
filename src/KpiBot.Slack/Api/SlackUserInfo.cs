namespace KpiBot.Slack.Api;

/// <summary>What the bot reads of a Slack user (users.info, users.lookupByEmail): id, IANA time zone, locale, whether a bot, the profile.</summary>
public sealed class SlackUserInfo
{
    public string? Id { get; init; }

    public string? Tz { get; init; }

    public string? Locale { get; init; }

    public bool IsBot { get; init; }

    public SlackUserProfile? Profile { get; init; }
}

/// <summary>The profile fields read: the email (needs <c>users:read.email</c>) and the names.</summary>
public sealed class SlackUserProfile
{
    public string? Email { get; init; }

    public string? RealName { get; init; }

    public string? DisplayName { get; init; }
}
