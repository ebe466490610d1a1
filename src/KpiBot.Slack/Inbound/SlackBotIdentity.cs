namespace KpiBot.Slack.Inbound;

/// <summary>The bot's own ids in a workspace (from <c>auth.test</c>), to strip its mention and ignore its own messages.</summary>
public sealed record SlackBotIdentity(string UserId, string? BotId = null);
