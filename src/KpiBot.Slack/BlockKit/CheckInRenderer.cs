using System.Globalization;
using KpiBot.Core.Goals;
using KpiBot.Core.Views;
using KpiBot.Slack.Inbound;

namespace KpiBot.Slack.BlockKit;

/// <summary>
/// The check-in prompt as a message (the KDIs with today's targets and buttons: open the modal, skip, same
/// as last time; a "Later" menu and time picker), the modal itself (one number field per KDI, target in the hint, min 0; a note; a blocker
/// checkbox) and the receipt that replaces the prompt.
/// </summary>
public static class CheckInRenderer
{
    private const int ModalTextLimit = 24;
    private const int LabelLimit = 2000;

    public static SlackMessage RenderPrompt(CheckInPromptView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new SlackMessage(BlockKitRenderer.Fallback(view.Text), PromptBlocks(view));
    }

    internal static List<Block> PromptBlocks(CheckInPromptView view)
    {
        var card = InteractionParser.WriteCard(new CardRef(view.OccurrenceKey, view.WorkDay, view.CardVersion, view.PersonId));
        var blocks = new List<Block> { new HeaderBlock(new PlainText(Mrkdwn.Truncate(view.Title, Mrkdwn.HeaderLimit))) };
        blocks.AddRange(Mrkdwn.Chunks(view.Lines.Select(l => "• " + Mrkdwn.Escape(l.Label))).Select(t => new SectionBlock(new Markdown(t))));
        if (view.OpenUntilText is { Length: > 0 } openUntil)
        {
            blocks.Add(new ContextBlock([new Markdown(Mrkdwn.Escape(openUntil))]));
        }

        blocks.Add(new ActionsBlock(
        [
            new ButtonElement(new PlainText(view.Labels.Open), SlackIds.OpenCheckIn, card, "primary"),
            new ButtonElement(new PlainText(view.Labels.Skip), SlackIds.Skip, card),
            new ButtonElement(new PlainText(view.Labels.Same), SlackIds.Same, card),
        ]));
        // "Later": a menu of waits and a time picker, in a block of their own whose id carries the card (a menu's
        // choice comes back without a value of the element's own).
        blocks.Add(new ActionsBlock(
        [
            new StaticSelect(
                SlackIds.Later, new PlainText(view.Labels.Later),
                [.. view.Labels.LaterChoices.Select(c => new SelectOption(new PlainText(c.Label), c.Value))]),
            new TimePicker(SlackIds.LaterAt, new PlainText(view.Labels.LaterAt)),
        ], card));
        return blocks;
    }

    /// <summary>The modal for <paramref name="view"/>; <paramref name="card"/> names the prompt message the receipt will replace.</summary>
    public static ModalView RenderModal(CheckInPromptView view, CardRef card)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(card);
        var blocks = new List<Block>();
        foreach (var line in view.Lines)
        {
            var initial = line.CurrentValue?.ToString("0.####", CultureInfo.InvariantCulture);
            blocks.Add(new InputBlock(
                SlackIds.KdiBlock(line.KdiId),
                new PlainText(Mrkdwn.Truncate(line.Title, LabelLimit)),
                new NumberInput(SlackIds.ValueAction, IsDecimalAllowed: true, MinValue: "0", InitialValue: initial),
                new PlainText(Mrkdwn.Truncate(line.TargetText, LabelLimit)),
                Optional: true));
        }

        if (view.OpenUntilText is { Length: > 0 } openUntil)
        {
            blocks.Add(new ContextBlock([new Markdown(Mrkdwn.Escape(openUntil))]));
        }

        blocks.Add(new InputBlock(
            SlackIds.NoteBlock,
            new PlainText(view.Labels.Note),
            new PlainTextInput(SlackIds.ValueAction, Multiline: true, new PlainText(view.Labels.NotePlaceholder), MaxLength: 3000),
            Optional: true));
        blocks.Add(new InputBlock(
            SlackIds.BlockerBlock,
            new PlainText(view.Labels.Blocker),
            new Checkboxes(SlackIds.ValueAction, [new CheckboxOption(new PlainText(view.Labels.BlockerLabel), SlackIds.BlockerOption)]),
            Optional: true));
        var metadata = card with { OccurrenceKey = view.OccurrenceKey, WorkDay = view.WorkDay, CardVersion = view.CardVersion, PersonId = view.PersonId };
        return new ModalView(
            new PlainText(Mrkdwn.Truncate(view.Title, ModalTextLimit)),
            new PlainText(Mrkdwn.Truncate(view.Labels.Submit, ModalTextLimit)),
            new PlainText(Mrkdwn.Truncate(view.Labels.Cancel, ModalTextLimit)),
            blocks,
            SlackIds.CheckInModal,
            InteractionParser.WriteCard(metadata));
    }

    /// <summary>
    /// The confirmation step pushed over the modal: the engine's question, its confirm label as the submit button
    /// (submitting saves the same answer, confirmed) and its cancel label to go back to the form.
    /// </summary>
    public static ModalView RenderConfirmModal(ConfirmView view, ConfirmRef answer)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(answer);
        return new ModalView(
            new PlainText(Mrkdwn.Truncate(view.ConfirmLabel, ModalTextLimit)),
            new PlainText(Mrkdwn.Truncate(view.ConfirmLabel, ModalTextLimit)),
            new PlainText(Mrkdwn.Truncate(view.CancelLabel, ModalTextLimit)),
            [.. Mrkdwn.Chunks(view.Text.Split('\n').Select(Mrkdwn.Escape)).Select(t => new SectionBlock(new Markdown(t)))],
            SlackIds.ConfirmModal,
            InteractionParser.WriteConfirm(answer));
    }

    /// <summary>The receipt: the engine's own words ("Saved: …", the note, the blocker), then a bar per KDI.</summary>
    public static SlackMessage RenderReceipt(CheckInReceiptView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var lines = view.Lines.Select(l => new ProgressLine(0, GoalKind.Kdi, l.KdiId, l.Title, $"{l.ValueText} / {l.TargetText}", l.Fraction, null, null));
        List<Block> blocks =
        [
            .. Mrkdwn.Chunks(view.Text.Split('\n').Select(Mrkdwn.Escape)).Select(t => new SectionBlock(new Markdown(t))),
            .. Mrkdwn.Chunks(lines.Select(Mrkdwn.Progress)).Select(t => new SectionBlock(new Markdown(t))),
        ];
        return new SlackMessage(BlockKitRenderer.Fallback(view.Text), blocks);
    }
}
