using System.Text.Json;
using System.Text.RegularExpressions;
using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Slack.Json;

namespace KpiBot.Slack.Inbound;

/// <summary>
/// Reads an Events API body (already verified): <c>url_verification</c>, <c>app_mention</c> (the bot's mention
/// stripped) and <c>message</c> in the bot's IM become engine inputs; the bot's own and other bots' messages,
/// edits and every other event are ignored. <c>app_uninstalled</c> and a <c>tokens_revoked</c> that revokes the bot
/// token become <see cref="SlackInbound.Uninstalled"/>.
/// </summary>
public static partial class SlackEventParser
{
    public static SlackInbound Parse(ReadOnlySpan<byte> json, SlackBotIdentity? bot)
    {
        SlackEventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(json, SlackJsonContext.Default.SlackEventEnvelope);
        }
        catch (JsonException)
        {
            return new SlackInbound.Malformed("invalid JSON");
        }

        return FromEnvelope(envelope, bot);
    }

    /// <summary>Reads an Events API body that Socket Mode delivered as an envelope's <c>payload</c> (the same JSON as over HTTP).</summary>
    public static SlackInbound Parse(JsonElement payload, SlackBotIdentity? bot)
    {
        SlackEventEnvelope? envelope;
        try
        {
            envelope = payload.ValueKind == JsonValueKind.Object ? payload.Deserialize(SlackJsonContext.Default.SlackEventEnvelope) : null;
        }
        catch (JsonException)
        {
            return new SlackInbound.Malformed("invalid JSON");
        }

        return envelope is null ? new SlackInbound.Malformed("payload is not an object") : FromEnvelope(envelope, bot);
    }

    private static SlackInbound FromEnvelope(SlackEventEnvelope? envelope, SlackBotIdentity? bot)
    {
        return envelope?.Type switch
        {
            "url_verification" when !string.IsNullOrEmpty(envelope.Challenge) => new SlackInbound.UrlVerification(envelope.Challenge),
            "event_callback" => FromCallback(envelope, bot),
            null => new SlackInbound.Malformed("no type"),
            _ => new SlackInbound.Ignored($"envelope {envelope.Type}"),
        };
    }

    private static SlackInbound FromCallback(SlackEventEnvelope envelope, SlackBotIdentity? bot)
    {
        var e = envelope.Event;
        var team = envelope.TeamId ?? e?.Team;
        if (e is null || string.IsNullOrEmpty(envelope.EventId) || string.IsNullOrEmpty(team))
        {
            return new SlackInbound.Malformed("event_callback without event, event_id or team_id");
        }

        var id = envelope.EventId;
        if (e.Type == "app_uninstalled" || (e.Type == "tokens_revoked" && RevokesBotToken(e)))
        {
            return new SlackInbound.Uninstalled(team, id);
        }

        var isMention = e.Type == "app_mention";
        var isIm = e.Type == "message" && e.ChannelType == "im";
        if (!isMention && !isIm)
        {
            return new SlackInbound.Ignored($"event {e.Type}", id);
        }

        if (e.Subtype is not null || e.BotId is not null || (bot is not null && e.User == bot.UserId))
        {
            return new SlackInbound.Ignored("a bot's message or an edit", id);
        }

        if (string.IsNullOrEmpty(e.User) || string.IsNullOrEmpty(e.Channel))
        {
            return new SlackInbound.Malformed("event without user or channel");
        }

        var kind = isIm || e.Channel.StartsWith('D') ? ConversationKind.Personal : ConversationKind.Channel;
        var message = new IncomingMessage(
            new ChatUser(Platforms.Slack, team, e.User),
            new ConversationAddress(Platforms.Slack, team, e.Channel),
            kind,
            CommandText(e.Text, bot));
        return new SlackInbound.Command(message, id);
    }

    /// <summary><c>tokens_revoked</c> lists the revoked tokens' user ids by kind; only the bot's matters here.</summary>
    private static bool RevokesBotToken(SlackEvent e) =>
        e.Extra?.TryGetValue("tokens", out var tokens) == true
        && tokens.ValueKind == JsonValueKind.Object
        && tokens.TryGetProperty("bot", out var bots)
        && bots.ValueKind == JsonValueKind.Array
        && bots.GetArrayLength() > 0;

    /// <summary>
    /// The command in a message's text: the bot's mention removed (anywhere when the bot's user id is known,
    /// else a leading mention), Slack's three escapes undone, trimmed.
    /// </summary>
    public static string CommandText(string? text, SlackBotIdentity? bot)
    {
        var s = text ?? string.Empty;
        s = bot is not null
            ? s.Replace($"<@{bot.UserId}>", " ", StringComparison.Ordinal)
            : LeadingMention().Replace(s, " ", 1);
        s = s.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
        return s.Trim();
    }

    [GeneratedRegex(@"^\s*<@[A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex LeadingMention();
}
