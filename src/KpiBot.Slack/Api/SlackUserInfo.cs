namespace KpiBot.Slack.Api;

/// <summary>What the bot reads of a Slack user (users.info, users.lookupByEmail): id, IANA time zone, locale, whether a bot.</summary>
public sealed class SlackUserInfo
{
    public string? Id { get; init; }

    public string? Tz { get; init; }

    public string? Locale { get; init; }

    public bool IsBot { get; init; }
}
