using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace KpiBot.Testing.Fakes;

/// <summary>
/// Slack's inbound requests as a test builds them: Events API callbacks, slash command forms, button clicks
/// and modal submissions (the interactivity form's <c>payload</c>), and the v0 signature, computed here
/// independently of the adapter's verifier.
/// </summary>
public static class SlackPayloads
{
    /// <summary>The first <c>actions</c> block of a message the bot posted (a prompt's Check in / Skip / Same row), or null.</summary>
    public static JsonNode? FirstActions(JsonNode message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message["blocks"]?.AsArray().FirstOrDefault(b => b?["type"]?.GetValue<string>() == "actions");
    }

    /// <summary>The value of the first button of a message's first <c>actions</c> block: a prompt's Check in button, which opens the modal.</summary>
    public static string FirstButtonValue(JsonNode message) =>
        (FirstActions(message) ?? throw new InvalidOperationException("The message has no actions block: " + message.ToJsonString()))
            ["elements"]![0]!["value"]!.GetValue<string>();

    public static string Event(string team, string eventId, string user, string channel, string text, string type = "message", string? channelType = "im") =>
        new JsonObject
        {
            ["token"] = "legacy",
            ["team_id"] = team,
            ["api_app_id"] = "A0KPIBOT",
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = 1_764_000_000,
            ["event"] = new JsonObject
            {
                ["type"] = type, ["user"] = user, ["text"] = text, ["channel"] = channel, ["channel_type"] = channelType,
                ["ts"] = "1764000000.000100", ["team"] = team,
            },
        }.ToJsonString();

    public static string Slash(string team, string user, string channel, string text, Uri? responseUrl = null, string channelName = "sales") =>
        Form(SlashFields(team, user, channel, text, responseUrl, channelName));

    /// <summary>The same slash command as Socket Mode delivers it: the form's fields as a JSON object.</summary>
    public static JsonObject SlashJson(string team, string user, string channel, string text, Uri? responseUrl = null, string channelName = "sales") =>
        new(SlashFields(team, user, channel, text, responseUrl, channelName).Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value)));

    public static string Button(string team, string user, string channel, string messageTs, string actionId, string value, Uri? responseUrl = null) =>
        Interaction(ButtonJson(team, user, channel, messageTs, actionId, value, responseUrl));

    /// <summary>A button click's interaction payload, as Socket Mode delivers it (HTTP wraps it in the form's <c>payload</c>).</summary>
    public static JsonObject ButtonJson(string team, string user, string channel, string messageTs, string actionId, string value, Uri? responseUrl = null) =>
        new()
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = team },
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = team },
            ["trigger_id"] = "trigger-" + actionId,
            ["response_url"] = responseUrl?.ToString(),
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel },
            ["channel"] = new JsonObject { ["id"] = channel },
            ["message"] = new JsonObject { ["ts"] = messageTs },
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = actionId, ["value"] = value, ["action_ts"] = "1764000001.0001" }),
        };

    /// <summary>A submitted modal: <paramref name="values"/> by input block id (<c>kdi:{id}</c>).</summary>
    public static string Submission(
        string team, string user, string privateMetadata, IReadOnlyDictionary<string, string?> values, string? note = null, bool blocker = false,
        string callbackId = "kpi_checkin") =>
        Interaction(SubmissionJson(team, user, privateMetadata, values, note, blocker, callbackId));

    /// <summary>A submitted modal's interaction payload, as Socket Mode delivers it.</summary>
    public static JsonObject SubmissionJson(
        string team, string user, string privateMetadata, IReadOnlyDictionary<string, string?> values, string? note = null, bool blocker = false,
        string callbackId = "kpi_checkin")
    {
        var state = new JsonObject();
        foreach (var (block, value) in values)
        {
            state[block] = new JsonObject { ["value"] = new JsonObject { ["type"] = "number_input", ["value"] = value } };
        }

        if (callbackId == "kpi_checkin")
        {
            state["note"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = note } };
            var selected = blocker ? new JsonArray(new JsonObject { ["value"] = "blocker" }) : new JsonArray();
            state["blocker"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "checkboxes", ["selected_options"] = selected } };
        }

        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = team },
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = team },
            ["trigger_id"] = "trigger-submit",
            ["view"] = new JsonObject
            {
                ["id"] = "V0MODAL",
                ["type"] = "modal",
                ["callback_id"] = callbackId,
                ["private_metadata"] = privateMetadata,
                ["state"] = new JsonObject { ["values"] = state },
            },
        };
    }

    /// <summary><c>v0=hex(HMAC-SHA256(secret, "v0:{timestamp}:{body}"))</c>.</summary>
    public static string Sign(string secret, long timestamp, string body) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"v0:{timestamp}:{body}"))));

    private static (string Key, string Value)[] SlashFields(string team, string user, string channel, string text, Uri? responseUrl, string channelName) =>
    [
        ("command", "/kpi"), ("text", text), ("team_id", team), ("user_id", user), ("channel_id", channel), ("channel_name", channelName),
        ("response_url", responseUrl?.ToString() ?? string.Empty), ("trigger_id", "13345224609.738474920.8088930838d88f008e0"),
    ];

    /// <summary>An interaction payload as the HTTP form Slack posts (<c>payload=…</c>).</summary>
    public static string Interaction(JsonObject payload) => Form(("payload", payload.ToJsonString()));

    private static string Form(params (string Key, string Value)[] fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
}
