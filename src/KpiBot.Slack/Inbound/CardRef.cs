using System.Text.Json.Serialization;

namespace KpiBot.Slack.Inbound;

/// <summary>
/// What a prompt's buttons and the check-in modal carry so a submission counts for the card it came from:
/// occurrence key, work day, card version and the person it was for; in the modal also the prompt message
/// (channel and ts) that the receipt replaces. Kept short: a button value holds at most 2,000 characters.
/// </summary>
public sealed record CardRef(
    [property: JsonPropertyName("o")] string OccurrenceKey,
    [property: JsonPropertyName("d")] DateOnly WorkDay,
    [property: JsonPropertyName("v")] int CardVersion,
    [property: JsonPropertyName("p")] string PersonId,
    [property: JsonPropertyName("c")] string? Channel = null,
    [property: JsonPropertyName("t")] string? MessageTs = null);

/// <summary>
/// What the confirmation step of the check-in modal carries in its private metadata: the card and the answer
/// as first submitted, so confirming submits the same answer again, confirmed (at most 3,000 characters).
/// </summary>
public sealed record ConfirmRef(
    [property: JsonPropertyName("c")] CardRef Card,
    [property: JsonPropertyName("x")] IReadOnlyDictionary<string, string?> Values,
    [property: JsonPropertyName("n")] string? Note,
    [property: JsonPropertyName("b")] bool Blocker);

/// <summary>The answer to Events API <c>url_verification</c>.</summary>
public sealed record UrlVerificationAnswer(string Challenge);
