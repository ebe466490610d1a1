namespace KpiBot.Slack.Verification;

/// <summary>The request headers Slack sends.</summary>
public static class SlackHeaders
{
    public const string Signature = "X-Slack-Signature";
    public const string Timestamp = "X-Slack-Request-Timestamp";
    public const string RetryNum = "X-Slack-Retry-Num";
    public const string RetryReason = "X-Slack-Retry-Reason";
}
