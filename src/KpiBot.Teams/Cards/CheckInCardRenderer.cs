using System.Globalization;
using System.Text.Json;
using KpiBot.Teams.Activities;
using KpiBot.Core.Conversations;
using KpiBot.Core.Views;

namespace KpiBot.Teams.Cards;

/// <summary>
/// The check-in cards: the prompt (a number per KDI labelled with today's target, a note, a blocker
/// toggle, Submit / Skip / Same), the reminder that carries it again, the receipt that replaces it, and
/// the confirmation of an unusual value. Pure functions of the views.
/// </summary>
public static class CheckInCardRenderer
{
    public const int NoteMaxLength = 1000;

    public static AdaptiveCard Prompt(CheckInPromptView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new AdaptiveCard(PromptBody(view)) { Actions = PromptActions(view) };
    }

    public static AdaptiveCard Reminder(ReminderView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var prompt = Prompt(view.Prompt);
        return prompt with { Body = [new TextBlock(view.Text) { Weight = "Bolder" }, .. prompt.Body] };
    }

    public static AdaptiveCard Receipt(CheckInReceiptView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        List<CardElement> body = [new TextBlock(view.Title) { Size = "Medium", Weight = "Bolder" }];
        foreach (var line in view.Lines)
        {
            body.Add(new ColumnSet(
            [
                new Column("stretch", [new TextBlock(line.Title)]),
                new Column("auto", [new TextBlock($"{line.ValueText} / {line.TargetText}")]),
                new Column("auto", [new TextBlock(line.Fraction is { } f ? TextBar.Of(f) : "") { FontType = "Monospace" }]),
            ]) { Spacing = "Small" });
        }

        if (view.Note is { Length: > 0 } note)
        {
            body.Add(new TextBlock(note) { IsSubtle = true });
        }

        // The view's plain text already says "skipped" or "blocker" in the person's language.
        if (view.Skipped || view.Blocker)
        {
            body.Add(new TextBlock(view.Text) { IsSubtle = true, Separator = true, Color = view.Blocker ? "Attention" : null });
        }

        return new AdaptiveCard(body);
    }

    /// <summary>
    /// The question about an unusual value. With <paramref name="resubmit"/> (the submission that raised it)
    /// the confirm button sends the same answer again, confirmed; otherwise it sends the view's command as text.
    /// </summary>
    public static AdaptiveCard Confirm(ConfirmView view, CardSubmission? resubmit = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        AdaptiveAction confirm = resubmit is null
            ? new SubmitAction(view.ConfirmLabel, new CheckInActionData { Teams = new TeamsBack("imBack", view.ConfirmCommand) })
            : Execute(view.ConfirmLabel, Resubmission(resubmit), "none");
        var cancel = new SubmitAction(view.CancelLabel, new CheckInActionData { Kind = "dismiss" }) { AssociatedInputs = "none" };
        return new AdaptiveCard([new TextBlock(view.Text)]) { Actions = [confirm, cancel] };
    }

    private static List<CardElement> PromptBody(CheckInPromptView view)
    {
        List<CardElement> body = [new TextBlock(view.Title) { Size = "Medium", Weight = "Bolder" }];
        if (view.Error is { Length: > 0 } error)
        {
            body.Add(new TextBlock(error) { Color = "Attention", Weight = "Bolder" });
        }

        body.AddRange(view.Lines.Select(line => new InputNumber(CardData.KdiPrefix + line.KdiId, line.Label)
        {
            Min = 0,
            Value = line.CurrentValue,
            IsRequired = true,
            ErrorMessage = view.Labels.NumberError,
        }));
        body.Add(new InputText(CardData.Note) { Placeholder = view.Labels.NotePlaceholder, IsMultiline = true, MaxLength = NoteMaxLength });
        body.Add(new InputToggle(CardData.Blocker, view.Labels.BlockerLabel));
        if (view.OpenUntilText is { Length: > 0 } openUntil)
        {
            body.Add(new TextBlock(openUntil) { IsSubtle = true, Size = "Small" });
        }

        return body;
    }

    private static List<AdaptiveAction> PromptActions(CheckInPromptView view)
    {
        CheckInActionData Data(string action) => new()
        {
            Kind = CardData.Marker,
            Action = action,
            Occurrence = view.OccurrenceKey,
            WorkDay = view.WorkDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            CardVersion = view.CardVersion,
            PersonId = view.PersonId,
        };

        // Skip, Same and Later send no inputs, so the required numbers do not block them (which is also why
        // Later offers waits as buttons, and a time of the day as the typed command, not as a time input).
        var later = new AdaptiveCard([new TextBlock(view.Labels.LaterTyped) { IsSubtle = true, Size = "Small" }])
        {
            Actions = [.. view.Labels.LaterChoices.Select(c => (AdaptiveAction)(Execute(c.Label, Data(CardData.Later) with { LaterIn = c.Value }, "none") with
            {
                Id = CardData.Later + "-" + c.Value,
            }))],
        };
        return
        [
            Execute(view.Labels.Submit, Data(CardData.Submit), "auto"),
            Execute(view.Labels.Skip, Data(CardData.Skip), "none"),
            Execute(view.Labels.Same, Data(CardData.Same), "none"),
            new ShowCardAction(view.Labels.Later, later) { Id = CardData.Later },
        ];
    }

    private static ExecuteAction Execute(string title, CheckInActionData data, string inputs) =>
        new(title, CardData.Verb, data)
        {
            Id = data.Action,
            AssociatedInputs = inputs,
            Fallback = new SubmitAction(title, data) { AssociatedInputs = inputs },
        };

    private static CheckInActionData Resubmission(CardSubmission submission)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (kdi, value) in submission.Values)
        {
            values[CardData.KdiPrefix + kdi] = JsonSerializer.SerializeToElement(value, TeamsJsonContext.Default.String);
        }

        return new CheckInActionData
        {
            Kind = CardData.Marker,
            Action = submission.Action switch { CardAction.Skip => CardData.Skip, CardAction.Same => CardData.Same, _ => CardData.Submit },
            Occurrence = submission.OccurrenceKey,
            WorkDay = submission.WorkDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            CardVersion = submission.CardVersion,
            PersonId = submission.PersonId,
            Confirmed = true,
            Note = submission.Note,
            Blocker = submission.Blocker ? "true" : "false",
            Values = values,
        };
    }
}
