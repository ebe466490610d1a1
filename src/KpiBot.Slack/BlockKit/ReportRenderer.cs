using System.Globalization;
using KpiBot.Core.Views;

namespace KpiBot.Slack.BlockKit;

/// <summary>
/// The report form: as a message (how to report, and a button that opens the form), and as the modal itself —
/// the goal (a menu), the result as the person writes it (a text field, so ¥, separators and 万 work), a day of
/// the period (a date picker, today by default) and a note. The modal's private metadata is the channel the
/// receipt goes to.
/// </summary>
public static class ReportRenderer
{
    private const int ModalTextLimit = 24;
    private const int OptionTextLimit = 75;
    private const int MaxOptions = 100;

    public static SlackMessage RenderMessage(ReportFormView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new SlackMessage(BlockKitRenderer.Fallback(view.Text),
        [
            .. Mrkdwn.Chunks(view.Text.Split('\n').Select(Mrkdwn.Escape)).Select(t => new SectionBlock(new Markdown(t))),
            new ActionsBlock([new ButtonElement(new PlainText(Mrkdwn.Truncate(view.Labels.Open, 75)), SlackIds.OpenReport, view.Selected, "primary")]),
        ]);
    }

    /// <summary>The modal for <paramref name="view"/>, answering in <paramref name="channel"/>.</summary>
    public static ModalView RenderModal(ReportFormView view, string channel)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentException.ThrowIfNullOrEmpty(channel);
        var options = view.Goals.Take(MaxOptions)
            .Select(g => new SelectOption(new PlainText(Mrkdwn.Truncate(g.Label, OptionTextLimit)), g.NodeId))
            .ToList();
        var labels = view.Labels;
        List<Block> blocks =
        [
            new InputBlock(
                SlackIds.ReportBlock(ReportFields.Goal),
                new PlainText(labels.Goal),
                new StaticSelect(SlackIds.ValueAction, new PlainText(labels.Goal), options, options.FirstOrDefault(o => o.Value == view.Selected))),
            new InputBlock(
                SlackIds.ReportBlock(ReportFields.Amount),
                new PlainText(labels.Amount),
                new PlainTextInput(SlackIds.ValueAction, Multiline: false, new PlainText(labels.AmountPlaceholder), MaxLength: 40)),
            new InputBlock(
                SlackIds.ReportBlock(ReportFields.Day),
                new PlainText(labels.Day),
                new DatePicker(SlackIds.ValueAction, view.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            new InputBlock(
                SlackIds.ReportBlock(ReportFields.Note),
                new PlainText(labels.Note),
                new PlainTextInput(SlackIds.ValueAction, Multiline: true, MaxLength: 2000),
                Optional: true),
        ];
        return new ModalView(
            new PlainText(Mrkdwn.Truncate(view.Title, ModalTextLimit)),
            new PlainText(Mrkdwn.Truncate(labels.Submit, ModalTextLimit)),
            new PlainText(Mrkdwn.Truncate(labels.Cancel, ModalTextLimit)),
            blocks,
            SlackIds.ReportModal,
            channel);
    }
}
