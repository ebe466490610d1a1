using System.Text.Json;
using KpiBot.Slack.Inbound;

namespace KpiBot.Slack.SocketMode;

/// <summary>
/// Turns an envelope's payload into the same <see cref="SlackInbound"/> the HTTP endpoint makes, with the same
/// parsers: <c>events_api</c> carries the Events API body, <c>interactive</c> the interaction JSON,
/// <c>slash_commands</c> the slash command's fields as a JSON object.
/// </summary>
internal static class SocketModeInbound
{
    public static SlackInbound Parse(SocketModeEnvelope envelope) => envelope.Type switch
    {
        "events_api" => SlackEventParser.Parse(envelope.Payload, BotOf(envelope.Payload)),
        "interactive" when envelope.Payload.ValueKind == JsonValueKind.Object => InteractionParser.ParseJson(envelope.Payload.GetRawText()),
        "interactive" => new SlackInbound.Malformed("interactive payload is not an object"),
        "slash_commands" => SlashCommandParser.Parse(envelope.Payload),
        _ => new SlackInbound.Ignored($"envelope {envelope.Type}"),
    };

    /// <summary>
    /// The bot's user id from the event's <c>authorizations</c> (the installation the event was delivered for), so
    /// the bot's mention is stripped anywhere and its own messages are dropped without an <c>auth.test</c> call.
    /// </summary>
    internal static SlackBotIdentity? BotOf(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("authorizations", out var authorizations)
            || authorizations.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var a in authorizations.EnumerateArray())
        {
            if (a.ValueKind == JsonValueKind.Object
                && a.TryGetProperty("is_bot", out var isBot) && isBot.ValueKind == JsonValueKind.True
                && a.TryGetProperty("user_id", out var user) && user.ValueKind == JsonValueKind.String
                && user.GetString() is { Length: > 0 } userId)
            {
                return new SlackBotIdentity(userId);
            }
        }

        return null;
    }
}
