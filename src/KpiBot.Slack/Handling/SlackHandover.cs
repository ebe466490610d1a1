using System.Text.Json;
using KpiBot.Core.Conversations;
using KpiBot.Core.Inbound;
using KpiBot.Slack.Json;

namespace KpiBot.Slack.Handling;

/// <summary>
/// Slack work not started when the host stopped, as the durable job carries it: a text command to run and answer
/// (in its conversation, or through <see cref="ResponseUrl"/>), a button that speaks for the user, a card's Skip or
/// Same, or an uninstall to record. Work whose answer was already decided (a modal's receipt) has no such form.
/// </summary>
internal sealed record SlackHandover(string Kind, IncomingMessage? Message = null, CardSubmission? Submission = null, string? ResponseUrl = null, string? TeamId = null)
{
    public const string TextCommand = "message";
    public const string Button = "button";
    public const string CardButton = "card-button";
    public const string Uninstall = "uninstall";

    public string Write() => JsonSerializer.Serialize(this, SlackJsonContext.Default.SlackHandover);

    public static SlackHandover Read(string payload) =>
        JsonSerializer.Deserialize(payload, SlackJsonContext.Default.SlackHandover) ?? throw new JsonException("Empty Slack handover.");
}

/// <summary>Runs Slack work a stopping host handed to the durable job.</summary>
internal sealed class SlackInboundResumer(SlackInboundHandler handler) : IInboundResumer
{
    public string Platform => KpiBot.Core.Chat.Platforms.Slack;

    public Task ResumeAsync(string kind, string payload, CancellationToken cancellationToken) => handler.ResumeAsync(payload, cancellationToken);
}
