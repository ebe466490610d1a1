using System.Text.Json;
using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using Microsoft.AspNetCore.WebUtilities;

namespace KpiBot.Slack.Inbound;

/// <summary>Reads a slash command form post (<c>/kpi status</c>, already verified) into an engine command; the text after the command is the command line.</summary>
public static class SlashCommandParser
{
    public static SlackInbound Parse(string formBody)
    {
        var form = QueryHelpers.ParseQuery(formBody);
        return FromFields(key => First(form, key));
    }

    /// <summary>
    /// Reads a slash command as Socket Mode delivers it: a JSON object with the form's fields (all strings);
    /// a field that is not a non-empty string counts as absent.
    /// </summary>
    public static SlackInbound Parse(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return new SlackInbound.Malformed("slash command payload is not an object");
        }

        return FromFields(key => payload.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null);
    }

    private static SlackInbound FromFields(Func<string, string?> field)
    {
        var user = field("user_id");
        var team = field("team_id");
        var channel = field("channel_id");
        if (field("command") is null || user is null || team is null || channel is null)
        {
            return new SlackInbound.Malformed("slash command without command, user_id, team_id or channel_id");
        }

        var channelName = field("channel_name");
        var kind = channelName == "directmessage" || channel.StartsWith('D') ? ConversationKind.Personal
            : channelName?.StartsWith("mpdm-", StringComparison.Ordinal) == true ? ConversationKind.GroupChat
            : ConversationKind.Channel;
        var message = new IncomingMessage(
            new ChatUser(Platforms.Slack, team, user),
            new ConversationAddress(Platforms.Slack, team, channel),
            kind,
            (field("text") ?? string.Empty).Trim());
        return new SlackInbound.Command(message, ResponseUrl: field("response_url"), TriggerId: field("trigger_id"));
    }

    internal static string? First(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form, string key) =>
        form.TryGetValue(key, out var values) && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
