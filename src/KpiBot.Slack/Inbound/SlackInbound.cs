using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Slack.Verification;

namespace KpiBot.Slack.Inbound;

/// <summary>What a verified Slack request asks for, already turned into the engine's inputs where it can be.</summary>
public abstract record SlackInbound
{
    private SlackInbound()
    {
    }

    /// <summary>Events API <c>url_verification</c>: answer with the challenge.</summary>
    public sealed record UrlVerification(string Challenge) : SlackInbound;

    /// <summary>A text command (slash command, mention or DM). <see cref="EventId"/> is set for events (de-duplicate on it).</summary>
    public sealed record Command(IncomingMessage Message, string? EventId = null, string? ResponseUrl = null, string? TriggerId = null) : SlackInbound;

    /// <summary>The prompt's check-in button: open the modal for <see cref="Card"/> with <see cref="TriggerId"/> (within 3 s).</summary>
    public sealed record OpenCheckIn(ChatUser User, CardRef Card, string TriggerId) : SlackInbound;

    /// <summary>The "Report a result" button: open the report modal (with <see cref="Selected"/> chosen) with <see cref="TriggerId"/>.</summary>
    public sealed record OpenReport(ChatUser User, string Channel, string TriggerId, string? Selected) : SlackInbound;

    /// <summary>The report modal submitted; decided before the acknowledgement (errors go next to the field).</summary>
    public sealed record Report(ReportSubmission Value) : SlackInbound;

    /// <summary>A button that sends a command as the user (a confirmation's Confirm); answered through <see cref="ResponseUrl"/>.</summary>
    public sealed record Clicked(IncomingMessage Message, string? ResponseUrl) : SlackInbound;

    /// <summary>A card answer: the modal submitted, or Skip / Same clicked on the prompt.</summary>
    public sealed record Submission(CardSubmission Value, string? ResponseUrl = null) : SlackInbound;

    /// <summary>
    /// The app was uninstalled from workspace <see cref="TeamId"/> or its bot token there was revoked
    /// (<c>app_uninstalled</c>, <c>tokens_revoked</c>): forget the installation (<c>SlackInstallService.ForgetAsync</c>).
    /// </summary>
    public sealed record Uninstalled(string TeamId, string EventId) : SlackInbound;

    /// <summary>Nothing to do (the bot's own message, an edit, an unknown event or action); acknowledge it.</summary>
    public sealed record Ignored(string Reason, string? EventId = null) : SlackInbound;

    /// <summary>Not from Slack as far as we can tell (<see cref="Reason"/>): answer 401, do nothing else.</summary>
    public sealed record Refused(SignatureCheck Reason) : SlackInbound;

    /// <summary>Larger than any Slack request: answer 413, do nothing else.</summary>
    public sealed record TooLarge : SlackInbound;

    /// <summary>Slack's unsigned <c>ssl_check=1</c> probe: answer 200 and ignore it.</summary>
    public sealed record SslCheck : SlackInbound;

    /// <summary>Signed by Slack but not understood (bad JSON, missing fields): answer 400, store nothing.</summary>
    public sealed record Malformed(string Reason) : SlackInbound;
}
