using System.Text.Json;
using System.Text.Json.Serialization;

namespace KpiBot.Teams.Activities;

/// <summary>A user or bot: <c>29:…</c> / <c>28:…</c> id, display name, and for users their Entra object id.</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    /// <summary>Given by the connector's member lists, not by activities.</summary>
    public string? Email { get; init; }

    /// <summary>Given by the connector's member lists, not by activities.</summary>
    public string? UserPrincipalName { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The conversation: id, <c>personal</c> / <c>channel</c> / <c>groupChat</c>, tenant.</summary>
public sealed record ConversationAccount
{
    public string? Id { get; init; }

    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    public bool? IsGroup { get; init; }

    public string? Name { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>Teams' channelData: tenant, team, channel and the conversationUpdate event type.</summary>
public sealed record TeamsChannelData
{
    public TeamsIdentifier? Tenant { get; init; }

    public TeamsIdentifier? Team { get; init; }

    public TeamsIdentifier? Channel { get; init; }

    public string? EventType { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>An id with an optional name (tenant, team, channel).</summary>
public sealed record TeamsIdentifier
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>
/// An entity on an activity: a <c>mention</c> (<see cref="Mentioned"/>, <see cref="Text"/>) or
/// <c>clientInfo</c> (<see cref="Locale"/>, <see cref="Timezone"/>); others are kept in <see cref="Extra"/>.
/// </summary>
public sealed record Entity
{
    public string? Type { get; init; }

    public ChannelAccount? Mentioned { get; init; }

    public string? Text { get; init; }

    public string? Locale { get; init; }

    public string? Timezone { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
