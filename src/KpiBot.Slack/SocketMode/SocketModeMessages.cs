using System.Text.Json;
using System.Text.Json.Serialization;
using KpiBot.Slack.Api;

namespace KpiBot.Slack.SocketMode;

// What travels over a Socket Mode connection (snake_case JSON) and the answer of apps.connections.open.

/// <summary>
/// One frame from Slack: <c>hello</c>, <c>disconnect</c> (with <see cref="Reason"/>), or an envelope
/// (<c>events_api</c>, <c>interactive</c>, <c>slash_commands</c>) with <see cref="EnvelopeId"/> and <see cref="Payload"/>.
/// Unknown fields are kept.
/// </summary>
internal sealed class SocketModeEnvelope
{
    public string? Type { get; init; }

    public string? EnvelopeId { get; init; }

    public JsonElement Payload { get; init; }

    public int RetryAttempt { get; init; }

    public string? RetryReason { get; init; }

    public string? Reason { get; init; }

    public bool AcceptsResponsePayload { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The acknowledgement of an envelope; <see cref="Payload"/> is the handler's answer (a slash command's reply, a <c>response_action</c>).</summary>
internal sealed record SocketModeAck(string EnvelopeId, JsonElement? Payload = null);

internal sealed class ConnectionsOpenResponse : ApiResponse
{
    public string? Url { get; init; }
}

/// <summary>Source-generated JSON for Socket Mode (kept apart from <c>SlackJsonContext</c> so the transports evolve separately).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SocketModeEnvelope))]
[JsonSerializable(typeof(SocketModeAck))]
[JsonSerializable(typeof(ConnectionsOpenResponse))]
internal sealed partial class SocketModeJsonContext : JsonSerializerContext;
