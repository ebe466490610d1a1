namespace KpiBot.Slack.Api;

/// <summary>
/// Slack refused a call (<c>ok:false</c>, with its <see cref="Error"/> code) or answered with an unexpected
/// HTTP status (<c>http_503</c>). <see cref="IsTransient"/> says whether trying again later may help.
/// </summary>
public sealed class SlackApiException : Exception
{
    private static readonly HashSet<string> TransientErrors = new(StringComparer.Ordinal)
    {
        "internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited",
    };

    public SlackApiException()
        : this("unknown_error", "unknown")
    {
    }

    public SlackApiException(string message)
        : this(message, "unknown")
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = message;
        Method = "unknown";
    }

    public SlackApiException(string error, string method)
        : base($"Slack {method} failed: {error}")
    {
        Error = error;
        Method = method;
    }

    public string Error { get; }

    public string Method { get; }

    public bool IsTransient => TransientErrors.Contains(Error) || Error.StartsWith("http_5", StringComparison.Ordinal);
}
