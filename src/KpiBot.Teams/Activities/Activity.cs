using System.Text.Json;
using System.Text.Json.Serialization;

namespace KpiBot.Teams.Activities;

/// <summary>
/// A Bot Framework activity as Teams sends it: the fields the adapter reads, typed, and everything else
/// kept in <see cref="Extra"/> so unknown fields are never fatal.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public TeamsChannelData? ChannelData { get; init; }

    public string? ReplyToId { get; init; }

    public string? Text { get; init; }

    public string? Locale { get; init; }

    /// <summary>The invoke name (<c>adaptiveCard/action</c>) or event name.</summary>
    public string? Name { get; init; }

    /// <summary>installationUpdate: <c>add</c>, <c>remove</c>, <c>add-upgrade</c>, <c>remove-upgrade</c>.</summary>
    public string? Action { get; init; }

    /// <summary>An Action.Submit payload (on a message) or an invoke's value.</summary>
    public JsonElement? Value { get; init; }

    public IReadOnlyList<Entity>? Entities { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    /// <summary>Unknown fields. Settable, not init: the source generator binds init properties like constructor parameters, which extension data cannot be.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
