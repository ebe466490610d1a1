namespace KpiBot.Slack.Api;

/// <summary>Slack answered 429: wait <see cref="RetryAfter"/> (its Retry-After header) before calling again.</summary>
public sealed class SlackRateLimitedException : Exception
{
    public SlackRateLimitedException()
        : this("unknown", TimeSpan.FromSeconds(1))
    {
    }

    public SlackRateLimitedException(string message)
        : this(message, TimeSpan.FromSeconds(1))
    {
    }

    public SlackRateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "unknown";
        RetryAfter = TimeSpan.FromSeconds(1);
    }

    public SlackRateLimitedException(string method, TimeSpan retryAfter)
        : base($"Slack {method} is rate limited; retry after {retryAfter.TotalSeconds:0} s")
    {
        Method = method;
        RetryAfter = retryAfter;
    }

    public string Method { get; }

    public TimeSpan RetryAfter { get; }
}
