using System.Text.Json.Serialization;
using KpiBot.Teams.Activities;
using KpiBot.Teams.Cards;

namespace KpiBot.Teams.Connector;

/// <summary>
/// A message the bot sends: plain text, or Adaptive Card attachments with a <see cref="Summary"/> (shown
/// where cards cannot be; Teams would show a <c>text</c> above the card, repeating it).
/// </summary>
public sealed record OutgoingActivity(string? Text, IReadOnlyList<CardAttachment>? Attachments = null)
{
    [JsonPropertyOrder(-1)]
    public string Type => "message";

    public string? Summary { get; init; }

    public static OutgoingActivity Cards(string summary, IEnumerable<AdaptiveCard> cards) =>
        new(null, [.. cards.Select(c => new CardAttachment(c))]) { Summary = summary };
}

/// <summary>An Adaptive Card attachment.</summary>
public sealed record CardAttachment(AdaptiveCard Content)
{
    [JsonPropertyOrder(-1)]
    public string ContentType => AdaptiveCard.ContentType;
}

/// <summary>POST /v3/conversations: a 1:1 conversation with one user of a tenant.</summary>
public sealed record ConversationParameters(bool IsGroup, IReadOnlyList<ChannelAccount> Members, string TenantId, ConversationChannelData ChannelData);

/// <summary>channelData of a new conversation: the tenant again, as Teams wants it.</summary>
public sealed record ConversationChannelData(TeamsIdentifier Tenant);

/// <summary>The connector's answer to a send or update.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>The connector's answer to creating a conversation.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>The connector's error body.</summary>
public sealed record ErrorResponse(ConnectorError? Error);

/// <summary>An error code (<c>MessageWritesBlocked</c>, <c>ConversationNotFound</c>…) and message.</summary>
public sealed record ConnectorError(string? Code, string? Message);

/// <summary>A page of members and the token for the next page (null on the last).</summary>
public sealed record PagedMembersResult(string? ContinuationToken, IReadOnlyList<ChannelAccount>? Members);
