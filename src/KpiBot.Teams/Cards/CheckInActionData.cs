using System.Text.Json;
using System.Text.Json.Serialization;

namespace KpiBot.Teams.Cards;

/// <summary>
/// What a card action carries back: which check-in (occurrence, work day, card version, person) and what
/// to do. A confirmation re-sends the values too. A button with <see cref="Teams"/> set is an imBack.
/// </summary>
public sealed record CheckInActionData
{
    [JsonPropertyName(CardData.Kind)]
    public string? Kind { get; init; }

    [JsonPropertyName(CardData.Action)]
    public string? Action { get; init; }

    [JsonPropertyName(CardData.Occurrence)]
    public string? Occurrence { get; init; }

    [JsonPropertyName(CardData.WorkDay)]
    public string? WorkDay { get; init; }

    [JsonPropertyName(CardData.CardVersion)]
    public int? CardVersion { get; init; }

    [JsonPropertyName(CardData.PersonId)]
    public string? PersonId { get; init; }

    [JsonPropertyName(CardData.Confirmed)]
    public bool? Confirmed { get; init; }

    [JsonPropertyName(CardData.Note)]
    public string? Note { get; init; }

    [JsonPropertyName(CardData.Blocker)]
    public string? Blocker { get; init; }

    [JsonPropertyName(CardData.LaterIn)]
    public string? LaterIn { get; init; }

    /// <summary>The KDI values of a confirmation, keyed <c>kdi:&lt;id&gt;</c>. (A JsonObject here is written as invalid JSON by the source generator on .NET 10.)</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Values { get; set; }

    [JsonPropertyName("msteams")]
    public TeamsBack? Teams { get; init; }
}

/// <summary>Teams' <c>data.msteams</c>: <c>imBack</c> sends <see cref="Value"/> as the user's message.</summary>
public sealed record TeamsBack(string Type, string Value);
