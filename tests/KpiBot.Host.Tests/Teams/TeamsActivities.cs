using System.Text.Json.Nodes;
using KpiBot.Testing.Teams;

namespace KpiBot.Host.Tests.Teams;

/// <summary>Activities as Teams sends them, for the people of the sample goals file (user ids <c>29:&lt;person&gt;</c>).</summary>
internal static class TeamsActivities
{
    public const string TeamId = "19:sales-general@thread.tacv2";

    public static string UserOf(string person) => "29:" + person;

    public static string PersonalOf(string person) => "a:1on1-" + person;

    /// <summary>The bot added to the sales team (its General channel's id is the team's).</summary>
    public static JsonObject InstalledInTeam(string serviceUrl, string id = "f:install-1") => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = UserOf("yamamoto"), ["aadObjectId"] = "aad-yamamoto" },
        ["recipient"] = new JsonObject { ["id"] = TeamsHost.BotId, ["name"] = "KpiBot" },
        ["conversation"] = new JsonObject { ["id"] = TeamId, ["conversationType"] = "channel", ["tenantId"] = TeamsHost.Tenant, ["isGroup"] = true },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = TeamsHost.BotId }),
        ["channelData"] = new JsonObject
        {
            ["eventType"] = "teamMemberAdded",
            ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Sales" },
            ["tenant"] = new JsonObject { ["id"] = TeamsHost.Tenant },
        },
        ["locale"] = "ja-JP",
        ["someFutureField"] = new JsonObject { ["x"] = 1 },
    };

    /// <summary>A text message in the person's 1:1 chat.</summary>
    public static JsonObject Personal(string serviceUrl, string person, string text, string id) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = UserOf(person), ["aadObjectId"] = "aad-" + person },
        ["recipient"] = new JsonObject { ["id"] = TeamsHost.BotId, ["name"] = "KpiBot" },
        ["conversation"] = new JsonObject { ["id"] = PersonalOf(person), ["conversationType"] = "personal", ["tenantId"] = TeamsHost.Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TeamsHost.Tenant } },
        ["text"] = text,
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "ja-JP", ["timezone"] = "Asia/Tokyo" }),
    };

    /// <summary>An @mention of the bot in a thread of the team's General channel.</summary>
    public static JsonObject InChannel(string serviceUrl, string person, string text, string id) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = UserOf(person) },
        ["recipient"] = new JsonObject { ["id"] = TeamsHost.BotId, ["name"] = "KpiBot" },
        ["conversation"] = new JsonObject { ["id"] = TeamId + ";messageid=" + id, ["conversationType"] = "channel", ["tenantId"] = TeamsHost.Tenant, ["isGroup"] = true },
        ["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = TeamId },
            ["channel"] = new JsonObject { ["id"] = TeamId },
            ["tenant"] = new JsonObject { ["id"] = TeamsHost.Tenant },
        },
        ["text"] = "<at>KpiBot</at> " + text,
        ["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>KpiBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = TeamsHost.BotId, ["name"] = "KpiBot" },
        }),
    };

    /// <summary>An Action.Submit of a card the bot sent: the card action's data with the input values, on a message.</summary>
    public static JsonObject Submit(string serviceUrl, string person, string conversationId, string cardActivityId, JsonObject data, string id)
    {
        var activity = Personal(serviceUrl, person, "", id);
        activity["conversation"]!["id"] = conversationId;
        activity["replyToId"] = cardActivityId;
        activity["value"] = data;
        return activity;
    }

    /// <summary>An Action.Execute of a card the bot sent: an <c>adaptiveCard/action</c> invoke.</summary>
    public static JsonObject Execute(string serviceUrl, string person, string conversationId, string cardActivityId, JsonObject data, string id)
    {
        var activity = Personal(serviceUrl, person, "", id);
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["conversation"]!["id"] = conversationId;
        activity["replyToId"] = cardActivityId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "kpibot.checkin", ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    /// <summary>Members of the sales team as the connector lists them: email, or only a UPN, or nobody the goals file knows.</summary>
    public static JsonArray SalesMembers() =>
    [
        Member("yamamoto", "yamamoto@example.co.jp", null),
        Member("sato", "sato@example.co.jp", null),
        Member("tanaka", "TANAKA@example.co.jp", null),
        Member("suzuki", "suzuki@example.co.jp", null),
        Member("emily", null, "emily.carter@example.com"),
        Member("guest", "guest@elsewhere.example", null),
    ];

    private static JsonObject Member(string person, string? email, string? upn) => new()
    {
        ["id"] = UserOf(person),
        ["name"] = person,
        ["aadObjectId"] = "aad-" + person,
        ["email"] = email,
        ["userPrincipalName"] = upn ?? email,
        ["tenantId"] = TeamsHost.Tenant,
    };

    /// <summary>The card data of the first action of the first card in a recorded connector call, with <paramref name="inputs"/> merged in.</summary>
    public static JsonObject CardData(RecordedRequest sent, int action, params (string Id, string Value)[] inputs)
    {
        var card = JsonNode.Parse(sent.Body)!["attachments"]![0]!["content"]!;
        var data = card["actions"]![action]!["data"]!.DeepClone().AsObject();
        foreach (var (id, value) in inputs)
        {
            data[id] = value;
        }

        return data;
    }

    /// <summary>Every string of a connector call's activity (the card's texts, unescaped), one a line.</summary>
    public static string Text(RecordedRequest call) => string.Join('\n', Strings(JsonNode.Parse(call.Body)));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
