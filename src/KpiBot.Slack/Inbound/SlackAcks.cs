using KpiBot.Slack.BlockKit;

namespace KpiBot.Slack.Inbound;

/// <summary>
/// A message answered in a slash command's acknowledgement or through a <c>response_url</c>:
/// <c>ephemeral</c> (only the user sees it) or <c>in_channel</c>.
/// </summary>
public sealed record ResponseMessage(string ResponseType, string Text, IReadOnlyList<Block> Blocks, bool? ReplaceOriginal = null)
{
    public const string Ephemeral = "ephemeral";
    public const string InChannel = "in_channel";
}

/// <summary>
/// A <c>view_submission</c>'s acknowledgement: <c>errors</c> (text per input block id), <c>push</c> (a view on
/// top, e.g. a confirmation) or <c>clear</c> (close every view).
/// </summary>
public sealed record ViewSubmissionAck(string ResponseAction, IReadOnlyDictionary<string, string>? Errors = null, ModalView? View = null)
{
    public static ViewSubmissionAck Clear { get; } = new("clear");

    public static ViewSubmissionAck WithErrors(IReadOnlyDictionary<string, string> errors) => new("errors", errors);

    public static ViewSubmissionAck Push(ModalView view) => new("push", View: view);
}
