using KpiBot.Core.Views;

namespace KpiBot.Teams.Cards;

/// <summary>Help, errors and plain messages as small cards.</summary>
public static class MessageCardRenderer
{
    public static AdaptiveCard Help(HelpView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new AdaptiveCard(
        [
            ProgressCardRenderer.Title(view.Title),
            new FactSet([.. view.Commands.Select(c => new Fact(c.Usage, c.Description))]),
        ]);
    }

    public static AdaptiveCard Error(ErrorView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        List<CardElement> body = [new TextBlock(view.Text) { Color = "Attention" }];
        if (view.Hint is { Length: > 0 } hint)
        {
            body.Add(new TextBlock(hint) { IsSubtle = true });
        }

        return new AdaptiveCard(body);
    }

    public static AdaptiveCard Message(MessageView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new AdaptiveCard([new TextBlock(view.Text)]);
    }
}
