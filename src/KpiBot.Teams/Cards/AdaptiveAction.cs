using System.Text.Json.Serialization;

namespace KpiBot.Teams.Cards;

/// <summary>A card action; derived types registered without discriminators, each with its constant <c>type</c>.</summary>
[JsonDerivedType(typeof(ExecuteAction))]
[JsonDerivedType(typeof(SubmitAction))]
[JsonDerivedType(typeof(ShowCardAction))]
public abstract record AdaptiveAction(string Title)
{
    public string? Id { get; init; }

    /// <summary><c>auto</c> (validate and send the inputs) or <c>none</c> (send only the data).</summary>
    public string? AssociatedInputs { get; init; }
}

/// <summary>A Universal Action: an <c>adaptiveCard/action</c> invoke answered with the refreshed card; falls back to Action.Submit on old clients.</summary>
public sealed record ExecuteAction(string Title, string Verb, CheckInActionData Data) : AdaptiveAction(Title)
{
    public string Type => "Action.Execute";

    public SubmitAction? Fallback { get; init; }
}

/// <summary>Action.Submit: a message activity whose value is the data merged with the inputs.</summary>
public sealed record SubmitAction(string Title, CheckInActionData Data) : AdaptiveAction(Title)
{
    public string Type => "Action.Submit";
}

/// <summary>Action.ShowCard: a button that opens a card of its own under the card (the prompt's "Later" choices).</summary>
public sealed record ShowCardAction(string Title, AdaptiveCard Card) : AdaptiveAction(Title)
{
    public string Type => "Action.ShowCard";
}
