using System.Globalization;
using System.Text.Json;
using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Core.Views;
using KpiBot.Teams.Cards;

namespace KpiBot.Teams.Activities;

/// <summary>
/// Turns an authenticated activity into the engine's inputs. No business rule lives here: it only reads
/// who, where and what. Unknown types and fields are ignored, never fatal.
/// </summary>
public static class ActivityParser
{
    /// <summary>Reads an activity from a request body; null when it is not a JSON object of the expected shape.</summary>
    public static Activity? Read(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, TeamsJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static TeamsInbound Parse(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId || activity.From?.Id is not { Length: > 0 } userId)
        {
            return new TeamsInbound.Ignored("no conversation or sender");
        }

        var tenant = activity.Conversation.TenantId ?? activity.ChannelData?.Tenant?.Id ?? "";
        var conversation = new ConversationAddress(Platforms.Teams, tenant, conversationId, activity.ServiceUrl);
        var user = new ChatUser(Platforms.Teams, tenant, userId);
        var kind = KindOf(activity.Conversation.ConversationType);
        var timeZone = activity.Entities?.FirstOrDefault(e => e.Type == "clientInfo")?.Timezone;

        return activity.Type switch
        {
            "message" when activity.Value is { ValueKind: JsonValueKind.Object } value =>
                Submission(activity, user, conversation, value, isInvoke: false, timeZone),
            "message" => new TeamsInbound.Message(
                new IncomingMessage(user, conversation, kind, StripMentions(activity), activity.Locale),
                timeZone),
            "invoke" when activity.Name == "adaptiveCard/action"
                && activity.Value is { ValueKind: JsonValueKind.Object } invoke
                && invoke.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
                && action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object =>
                Submission(activity, user, conversation, data, isInvoke: true, timeZone),
            "conversationUpdate" => new TeamsInbound.ConversationChanged(Event(activity, conversation, kind)),
            "installationUpdate" => new TeamsInbound.Installation(
                Event(activity, conversation, kind),
                activity.Action?.StartsWith("add", StringComparison.Ordinal) == true),
            _ => new TeamsInbound.Ignored($"activity type {activity.Type} {activity.Name}".TrimEnd()),
        };
    }

    private static ConversationKind KindOf(string? conversationType) => conversationType switch
    {
        "channel" => ConversationKind.Channel,
        "groupChat" => ConversationKind.GroupChat,
        _ => ConversationKind.Personal,
    };

    /// <summary>The text without the bot's @mentions (<c>&lt;at&gt;KpiBot&lt;/at&gt;</c>), whitespace folded.</summary>
    private static string StripMentions(Activity activity)
    {
        var text = activity.Text ?? "";
        foreach (var mention in activity.Entities ?? [])
        {
            if (mention.Type == "mention" && mention.Text is { Length: > 0 } mentionText
                && mention.Mentioned?.Id is { } id && id == activity.Recipient?.Id)
            {
                text = text.Replace(mentionText, " ", StringComparison.Ordinal);
            }
        }

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static TeamsInbound Submission(Activity activity, ChatUser user, ConversationAddress conversation, JsonElement data, bool isInvoke, string? timeZone)
    {
        if (Text(data, CardData.Kind) == CardData.ReportMarker)
        {
            return Report(activity, user, conversation, data, timeZone);
        }

        if (Text(data, CardData.Kind) != CardData.Marker)
        {
            return new TeamsInbound.Ignored("a card submission that is not a check-in");
        }

        CardAction? action = Text(data, CardData.Action) switch
        {
            CardData.Submit => CardAction.Submit,
            CardData.Skip => CardAction.Skip,
            CardData.Same => CardAction.Same,
            CardData.Later => CardAction.Later,
            _ => null,
        };
        var occurrence = Text(data, CardData.Occurrence);
        var day = DateOnly.TryParseExact(Text(data, CardData.WorkDay), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        var version = int.TryParse(Text(data, CardData.CardVersion), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (int?)null;
        if (action is null || string.IsNullOrEmpty(occurrence) || day is null || version is null || string.IsNullOrEmpty(activity.Id))
        {
            return new TeamsInbound.Ignored("check-in card data incomplete");
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
        {
            if (property.Name.StartsWith(CardData.KdiPrefix, StringComparison.Ordinal) && property.Name.Length > CardData.KdiPrefix.Length)
            {
                values[property.Name[CardData.KdiPrefix.Length..]] = Blank(Text(property.Value));
            }
        }

        var card = activity.ReplyToId is { Length: > 0 } replyTo ? new MessageRef(conversation, replyTo) : null;
        var submission = new CardSubmission(
            user,
            conversation,
            action.Value,
            occurrence,
            day.Value,
            version.Value,
            values,
            Blank(Text(data, CardData.Note)?.Trim()),
            IsTrue(Text(data, CardData.Blocker)),
            activity.Id,
            card,
            IsTrue(Text(data, CardData.Confirmed)),
            activity.Locale,
            PersonId: Blank(Text(data, CardData.PersonId)))
        {
            Later = action == CardAction.Later ? Blank(Text(data, CardData.LaterIn)?.Trim()) : null,
        };
        return new TeamsInbound.Submission(submission, isInvoke, timeZone);
    }

    /// <summary>The report form's Submit: the goal chosen, the result as typed, the day and the note; the card is replaced by the receipt.</summary>
    private static TeamsInbound Report(Activity activity, ChatUser user, ConversationAddress conversation, JsonElement data, string? timeZone)
    {
        string? Field(string field) => Blank(Text(data, CardData.ReportPrefix + field)?.Trim());
        var day = DateOnly.TryParseExact(Field(ReportFields.Day), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        var card = activity.ReplyToId is { Length: > 0 } replyTo ? new MessageRef(conversation, replyTo) : null;
        var submission = new ReportSubmission(
            user,
            conversation,
            KindOf(activity.Conversation?.ConversationType),
            Field(ReportFields.Goal),
            Field(ReportFields.Amount),
            day,
            Field(ReportFields.Note),
            card,
            Locale: activity.Locale);
        return new TeamsInbound.Report(submission, timeZone);
    }

    private static TeamsConversationEvent Event(Activity activity, ConversationAddress conversation, ConversationKind kind)
    {
        var botId = activity.Recipient?.Id;
        var added = Members(activity.MembersAdded);
        var removed = Members(activity.MembersRemoved);
        var install = activity.Type == "installationUpdate";
        return new TeamsConversationEvent(
            conversation,
            kind,
            activity.ChannelData?.Team?.Id,
            activity.ChannelData?.Team?.Name,
            activity.ChannelData?.Channel?.Id,
            activity.ChannelData?.EventType,
            added,
            removed,
            BotAdded: added.Any(m => m.Id == botId) || (install && activity.Action?.StartsWith("add", StringComparison.Ordinal) == true),
            BotRemoved: removed.Any(m => m.Id == botId) || (install && activity.Action?.StartsWith("remove", StringComparison.Ordinal) == true));
    }

    private static List<TeamsMember> Members(IReadOnlyList<ChannelAccount>? accounts) =>
        [.. (accounts ?? []).Where(a => !string.IsNullOrEmpty(a.Id)).Select(a => new TeamsMember(a.Id!, a.AadObjectId, a.Name))];

    private static string? Text(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) ? Text(value) : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static bool IsTrue(string? text) => string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
}
