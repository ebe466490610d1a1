using System.Globalization;
using KpiBot.Core.Views;

namespace KpiBot.Teams.Cards;

/// <summary>
/// The report form as a card: the goal (a menu), the result as the person writes it (text, so ¥, separators and
/// 万 work), a day of the period (today by default, none later) and a note; Submit sends them as a message
/// activity (Action.Submit) whose receipt then replaces the card. A form the bot sends unasked (a reporter
/// asked on their cadence) starts with its intro: what is due, and how to report it in text.
/// </summary>
public static class ReportCardRenderer
{
    public static AdaptiveCard Form(ReportFormView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var labels = view.Labels;
        var day = view.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        List<CardElement> body =
        [
            new TextBlock(view.Title) { Size = "Medium", Weight = "Bolder" },
            .. (view.Intro ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => new TextBlock(line)),
            new InputChoiceSet(Id(ReportFields.Goal), labels.Goal, [.. view.Goals.Select(g => new Choice(g.Label, g.NodeId))])
            {
                Value = view.Selected,
                IsRequired = true,
                ErrorMessage = labels.Goal,
            },
            new InputText(Id(ReportFields.Amount)) { Label = labels.Amount, Placeholder = labels.AmountPlaceholder, MaxLength = 40, IsRequired = true, ErrorMessage = labels.Amount },
            new InputDate(Id(ReportFields.Day), labels.Day) { Value = day, Max = day, IsRequired = true },
            new InputText(Id(ReportFields.Note)) { Label = labels.Note, IsMultiline = true, MaxLength = CheckInCardRenderer.NoteMaxLength },
        ];
        return new AdaptiveCard(body)
        {
            Actions = [new SubmitAction(labels.Submit, new CheckInActionData { Kind = CardData.ReportMarker })],
        };
    }

    private static string Id(string field) => CardData.ReportPrefix + field;
}
