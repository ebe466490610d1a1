using System.Globalization;
using KpiBot.Core.Views;

namespace KpiBot.Slack.BlockKit;

/// <summary>
/// Renders any engine view as Slack messages: one, or several for a view longer than Slack's 50 blocks a
/// message (a long digest). Every message carries a plain <c>text</c> fallback. Pure: same view, same JSON.
/// </summary>
public static class BlockKitRenderer
{
    private const int FallbackLimit = 40_000;

    public static IReadOnlyList<SlackMessage> Render(ChatView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view switch
        {
            CheckInPromptView prompt => [CheckInRenderer.RenderPrompt(prompt)],
            CheckInReceiptView receipt => [CheckInRenderer.RenderReceipt(receipt)],
            ReminderView reminder => [new SlackMessage(
                Fallback(reminder.Text),
                [.. Sections(Mrkdwn.Escape(reminder.Text)), .. CheckInRenderer.PromptBlocks(reminder.Prompt)])],
            StatusView status => Split(status.Text, status.Title, Progress(status.Title, status.Lines, status.Sections)),
            TreeView tree => Split(tree.Text, tree.Title, Progress(tree.Title, tree.Lines, [])),
            PersonalProgressView me => Split(me.Text, me.Title, Progress(me.Title, me.Lines, me.Sections)),
            DigestView digest => Split(digest.Text, digest.Title, Progress(digest.Title, digest.Lines, digest.Sections)),
            HelpView help => Split(help.Text, help.Title, [Header(help.Title), .. Sections(help.Commands.Select(c => $"`{Mrkdwn.Escape(c.Usage)}` — {Mrkdwn.Escape(c.Description)}"))]),
            ErrorView error => [new SlackMessage(Fallback(error.Text), Error(error))],
            ReportFormView form => [ReportRenderer.RenderMessage(form)],
            ConfirmView confirm => [new SlackMessage(Fallback(confirm.Text), [
                .. Sections(Mrkdwn.Escape(confirm.Text)),
                new ActionsBlock([
                    new ButtonElement(new PlainText(confirm.ConfirmLabel), SlackIds.Confirm, confirm.ConfirmCommand, "primary"),
                    new ButtonElement(new PlainText(confirm.CancelLabel), SlackIds.CancelConfirm)])])],
            _ => Split(view.Text, view.Text, Sections(Mrkdwn.Escape(view.Text)).ToList()),
        };
    }

    private static List<Block> Error(ErrorView error)
    {
        var blocks = Sections(":warning: " + Mrkdwn.Escape(error.Text)).ToList();
        if (error.Hint is { Length: > 0 } hint)
        {
            blocks.Add(new ContextBlock([new Markdown(Mrkdwn.Truncate(Mrkdwn.Escape(hint), 2000))]));
        }

        return blocks;
    }

    private static List<Block> Progress(string title, IReadOnlyList<ProgressLine> lines, IReadOnlyList<ViewSection> sections)
    {
        var blocks = new List<Block> { Header(title) };
        blocks.AddRange(Sections(lines.Select(Mrkdwn.Progress)));
        foreach (var section in sections)
        {
            blocks.Add(new DividerBlock());
            blocks.AddRange(Sections([Mrkdwn.Bold(section.Heading), .. section.Items.Select(i => "• " + Mrkdwn.Escape(i))]));
        }

        return blocks;
    }

    private static HeaderBlock Header(string title) => new(new PlainText(Mrkdwn.Truncate(title, Mrkdwn.HeaderLimit)));

    private static IEnumerable<Block> Sections(params IEnumerable<string> lines) =>
        Mrkdwn.Chunks(lines.SelectMany(l => l.Split('\n'))).Select(t => new SectionBlock(new Markdown(t)));

    /// <summary>Blocks cut into messages of at most 50; a continuation's fallback is the title with "(2/3)".</summary>
    private static List<SlackMessage> Split(string text, string title, List<Block> blocks)
    {
        var parts = blocks.Chunk(Mrkdwn.MessageBlockLimit).ToList();
        return parts.Select((part, i) => new SlackMessage(
            i == 0 ? Fallback(text) : string.Create(CultureInfo.InvariantCulture, $"{title} ({i + 1}/{parts.Count})"),
            part)).ToList();
    }

    /// <summary>
    /// The message's top-level text (notifications, screen readers): Slack reads it as mrkdwn, so what people typed in
    /// it (a note with <c>&lt;!channel&gt;</c>, a disguised link) is escaped like the blocks are.
    /// </summary>
    internal static string Fallback(string text) => Mrkdwn.Truncate(Mrkdwn.Escape(text), FallbackLimit);
}
