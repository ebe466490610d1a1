namespace KpiBot.Slack.Install;

/// <summary>The bot scopes the install asks for: the same as <c>manifests/slack/manifest.yaml</c> (a test keeps them equal).</summary>
public static class SlackScopes
{
    public static IReadOnlyList<string> Bot { get; } =
        ["app_mentions:read", "chat:write", "commands", "files:write", "im:history", "im:write", "users:read", "users:read.email"];
}
