namespace KpiBot.Slack.Verification;

/// <summary>The outcome of checking a request's Slack signature. Anything but <see cref="Valid"/> is refused.</summary>
public enum SignatureCheck
{
    Valid,
    MissingSecret,
    MissingHeaders,
    MalformedTimestamp,
    StaleTimestamp,
    MalformedSignature,
    BadSignature,
}
