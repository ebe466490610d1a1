using System.Text.Json;
using KpiBot.Core.Views;
using KpiBot.Teams.Activities;

namespace KpiBot.Teams.Cards;

/// <summary>
/// Renders any engine view as Adaptive Cards: one card, or for a digest too large for one Teams message
/// (about 28 KB), several, each under <see cref="MaxCardBytes"/> and each starting with the title. A digest's chart
/// is an Image under the title of the first card, from the chart's signed URL on the host.
/// </summary>
public static class AdaptiveCardRenderer
{
    /// <summary>The largest card JSON sent, leaving room for the activity around it under Teams' ~28 KB.</summary>
    public const int MaxCardBytes = 24_000;

    public static IReadOnlyList<AdaptiveCard> Render(ChatView view) => view switch
    {
        CheckInPromptView prompt => [CheckInCardRenderer.Prompt(prompt)],
        ReminderView reminder => [CheckInCardRenderer.Reminder(reminder)],
        CheckInReceiptView receipt => [CheckInCardRenderer.Receipt(receipt)],
        ConfirmView confirm => [CheckInCardRenderer.Confirm(confirm)],
        ReportFormView form => [ReportCardRenderer.Form(form)],
        StatusView status => [ProgressCardRenderer.Status(status)],
        TreeView tree => [ProgressCardRenderer.Tree(tree)],
        PersonalProgressView personal => [ProgressCardRenderer.Personal(personal)],
        DigestView digest => Digest(digest),
        HelpView help => [MessageCardRenderer.Help(help)],
        ErrorView error => [MessageCardRenderer.Error(error)],
        MessageView message => [MessageCardRenderer.Message(message)],
        null => throw new ArgumentNullException(nameof(view)),
        _ => [MessageCardRenderer.Message(new MessageView(view.Text))],
    };

    /// <summary>The digest, split into as many cards as needed to keep each under <see cref="MaxCardBytes"/>.</summary>
    public static IReadOnlyList<AdaptiveCard> Digest(DigestView view, int maxCardBytes = MaxCardBytes)
    {
        ArgumentNullException.ThrowIfNull(view);
        var elements = ProgressCardRenderer.Elements(view.Title, view.Lines, view.Sections);
        if (view.Chart is { ImageUrl: { } chartUrl } chart)
        {
            // The chart under the title, from its signed address on the host (Teams fetches it); the caption
            // names its numbered bars.
            elements.InsertRange(1, [
                new Image(chartUrl.AbsoluteUri) { AltText = chart.AltText, Size = "Stretch" },
                new TextBlock(chart.Caption) { IsSubtle = true, Size = "Small" },
            ]);
        }

        var title = elements[0];
        var empty = Size(new AdaptiveCard([title]));
        var cards = new List<AdaptiveCard>();
        var current = new List<CardElement> { title };
        var size = empty;
        foreach (var element in elements.Skip(1))
        {
            var elementSize = Size(element) + 1;
            if (current.Count > 1 && size + elementSize > maxCardBytes)
            {
                cards.Add(new AdaptiveCard(current));
                current = [title];
                size = empty;
            }

            current.Add(element);
            size += elementSize;
        }

        cards.Add(new AdaptiveCard(current));
        return cards;
    }

    /// <summary>The card as UTF-8 JSON.</summary>
    public static byte[] ToJson(AdaptiveCard card) => JsonSerializer.SerializeToUtf8Bytes(card, TeamsJsonContext.Default.AdaptiveCard);

    private static int Size(AdaptiveCard card) => ToJson(card).Length;

    private static int Size(CardElement element) => JsonSerializer.SerializeToUtf8Bytes(element, TeamsJsonContext.Default.CardElement).Length;
}
