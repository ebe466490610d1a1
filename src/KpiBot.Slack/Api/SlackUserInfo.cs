namespace KpiBot.Slack.Api;

/// <summary>What the bot reads of a Slack user (users.info, users.lookupByEmail, users.list): id, IANA time zone, locale, whether a bot, the profile.</summary>
public sealed class SlackUserInfo
{
    public string? Id { get; init; }

    public string? Tz { get; init; }

    public string? Locale { get; init; }

    public bool IsBot { get; init; }

    /// <summary>The workspace the user belongs to (a Slack Connect member of another workspace has theirs).</summary>
    public string? TeamId { get; init; }

    /// <summary>Deactivated.</summary>
    public bool Deleted { get; init; }

    /// <summary>A multi-channel guest of the workspace.</summary>
    public bool IsRestricted { get; init; }

    /// <summary>A single-channel guest of the workspace.</summary>
    public bool IsUltraRestricted { get; init; }

    /// <summary>An app's user (workflow, integration): never a person.</summary>
    public bool IsAppUser { get; init; }

    public SlackUserProfile? Profile { get; init; }
}

/// <summary>The profile fields read: the email (needs <c>users:read.email</c>) and the names.</summary>
public sealed class SlackUserProfile
{
    public string? Email { get; init; }

    public string? RealName { get; init; }

    public string? DisplayName { get; init; }
}
