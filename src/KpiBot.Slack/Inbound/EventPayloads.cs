using System.Text.Json;
using System.Text.Json.Serialization;

namespace KpiBot.Slack.Inbound;

/// <summary>
/// An Events API request: <c>url_verification</c> (with <see cref="Challenge"/>) or <c>event_callback</c> (with
/// <see cref="Event"/> and <see cref="EventId"/> for de-duplicating Slack's retries). Unknown fields are kept.
/// </summary>
public sealed class SlackEventEnvelope
{
    public string? Type { get; init; }

    public string? Challenge { get; init; }

    public string? TeamId { get; init; }

    public string? ApiAppId { get; init; }

    public string? EventId { get; init; }

    public long? EventTime { get; init; }

    public SlackEvent? Event { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The inner event: <c>app_mention</c> or <c>message</c> (in an IM, <see cref="ChannelType"/> <c>im</c>).</summary>
public sealed class SlackEvent
{
    public string? Type { get; init; }

    public string? Subtype { get; init; }

    public string? User { get; init; }

    public string? BotId { get; init; }

    public string? Text { get; init; }

    public string? Channel { get; init; }

    public string? ChannelType { get; init; }

    public string? Team { get; init; }

    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
