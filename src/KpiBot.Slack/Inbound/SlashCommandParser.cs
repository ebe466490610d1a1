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
        var user = First(form, "user_id");
        var team = First(form, "team_id");
        var channel = First(form, "channel_id");
        if (First(form, "command") is null || user is null || team is null || channel is null)
        {
            return new SlackInbound.Malformed("slash command without command, user_id, team_id or channel_id");
        }

        var channelName = First(form, "channel_name");
        var kind = channelName == "directmessage" || channel.StartsWith('D') ? ConversationKind.Personal
            : channelName?.StartsWith("mpdm-", StringComparison.Ordinal) == true ? ConversationKind.GroupChat
            : ConversationKind.Channel;
        var message = new IncomingMessage(
            new ChatUser(Platforms.Slack, team, user),
            new ConversationAddress(Platforms.Slack, team, channel),
            kind,
            (First(form, "text") ?? string.Empty).Trim());
        return new SlackInbound.Command(message, ResponseUrl: First(form, "response_url"), TriggerId: First(form, "trigger_id"));
    }

    internal static string? First(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form, string key) =>
        form.TryGetValue(key, out var values) && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
