namespace KpiBot.Core.Chat;

/// <summary>What happened to one outbound message. Typed, because each outcome is handled differently.</summary>
public abstract record SendOutcome
{
    private SendOutcome()
    {
    }

    /// <summary>Sent; <see cref="Message"/> lets it be updated later.</summary>
    public sealed record Delivered(MessageRef Message) : SendOutcome;

    /// <summary>The person or channel cannot be reached (blocked the bot, uninstalled, deactivated, not found). Not retried.</summary>
    public sealed record Unreachable(string Reason) : SendOutcome;

    /// <summary>The platform asked to wait; send again after <see cref="RetryAfter"/>.</summary>
    public sealed record RateLimited(TimeSpan RetryAfter) : SendOutcome;

    /// <summary>A passing failure (a 5xx, a refused connection); may be retried a bounded number of times.</summary>
    public sealed record Transient(string Reason) : SendOutcome;

    /// <summary>
    /// The message was sent but no answer came in time: the platform may well have posted it (Slack does), so it is
    /// not sent again. The delivery ends Unknown.
    /// </summary>
    public sealed record Unknown(string Reason) : SendOutcome;

    /// <summary>
    /// The one rule for a post the platform did not answer in time (the client's timeout, not the caller's
    /// cancellation): it may well have been posted, and neither platform takes an idempotency key, so it is
    /// <see cref="Unknown"/> and never sent again. Null for any other exception.
    /// </summary>
    public static SendOutcome? NoAnswerInTime(Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested
            ? new Unknown("no answer in time; it may have been posted")
            : null;

    /// <summary>Not posted: the caller withdrew the send right before the post (<see cref="BeforePost"/> answered false).</summary>
    public sealed record Withdrawn : SendOutcome;
}
