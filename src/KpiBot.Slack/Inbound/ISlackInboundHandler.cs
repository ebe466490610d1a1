namespace KpiBot.Slack.Inbound;

/// <summary>
/// Handles one verified and parsed Slack request the same way whether it came over HTTP (<c>/slack/events</c>)
/// or Socket Mode. Returns within Slack's 3 seconds with what to acknowledge; work that may take longer
/// continues in the background.
/// </summary>
public interface ISlackInboundHandler
{
    Task<SlackAck> HandleAsync(SlackInbound inbound, CancellationToken cancellationToken);
}

/// <summary>
/// The acknowledgement: <see cref="PayloadJson"/> is the body Slack reads in the ack (a slash command's
/// ephemeral answer, a view_submission's <c>response_action</c>), or null for an empty acknowledgement.
/// Over HTTP it is the 200 response body; over Socket Mode it is the envelope ack's <c>payload</c>.
/// <see cref="Refused"/>: from a workspace KpiBot does not serve (<see cref="SlackTenantGate"/>); over HTTP a 403,
/// over Socket Mode an empty acknowledgement.
/// </summary>
public sealed record SlackAck(string? PayloadJson = null, bool Refused = false)
{
    public static SlackAck Empty { get; } = new();

    public static SlackAck OtherWorkspace { get; } = new(Refused: true);
}
