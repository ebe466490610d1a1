using KpiBot.Core.Views;
using KpiBot.Teams.Cards;

namespace KpiBot.Teams.Connector;

/// <summary>Engine views as outgoing Teams messages: the view's plain text (notification and fallback) with its card(s).</summary>
public static class TeamsMessages
{
    /// <summary>The activities that carry a view; a large digest becomes several messages, each under Teams' size limit.</summary>
    public static IReadOnlyList<OutgoingActivity> Of(ChatView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var cards = AdaptiveCardRenderer.Render(view);
        return cards.Count == 1
            ? [OutgoingActivity.Cards(Summary(view.Text), cards)]
            : [.. cards.Select(c => OutgoingActivity.Cards(Summary(view.Text), [c]))];
    }

    /// <summary>The text beside the card: the view's first line, which clients show in notifications.</summary>
    private static string Summary(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text[..newline];
    }
}
