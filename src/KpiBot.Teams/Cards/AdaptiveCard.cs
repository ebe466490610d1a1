using System.Text.Json.Serialization;

namespace KpiBot.Teams.Cards;

/// <summary>An Adaptive Card, schema 1.5 (what Teams supports for bot-sent cards); only the parts the renderers use.</summary>
public sealed record AdaptiveCard(IReadOnlyList<CardElement> Body)
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    [JsonPropertyName("$schema")]
    public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-1)]
    public string Type => "AdaptiveCard";

    public string Version => "1.5";

    public IReadOnlyList<AdaptiveAction>? Actions { get; init; }

    /// <summary>Teams-specific settings: full width, so progress bars and tables are readable.</summary>
    public TeamsCardSettings Msteams { get; init; } = new();
}

/// <summary>The card's <c>msteams</c> property.</summary>
public sealed record TeamsCardSettings
{
    public string Width => "Full";
}
