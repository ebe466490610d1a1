using System.Text.Json;
using System.Text.Json.Serialization;

namespace KpiBot.Slack.Inbound;

/// <summary>An interactivity payload (the form field <c>payload</c>): <c>block_actions</c> or <c>view_submission</c>.</summary>
public sealed class SlackInteraction
{
    public string? Type { get; init; }

    public SlackIdRef? User { get; init; }

    public SlackIdRef? Team { get; init; }

    public SlackIdRef? Channel { get; init; }

    public SlackContainer? Container { get; init; }

    public SlackMessageRef? Message { get; init; }

    public IReadOnlyList<SlackAction>? Actions { get; init; }

    public string? TriggerId { get; init; }

    public string? ResponseUrl { get; init; }

    public SlackViewPayload? View { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>A user, team or channel as an interaction names it.</summary>
public sealed class SlackIdRef
{
    public string? Id { get; init; }

    public string? TeamId { get; init; }

    public string? Name { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>Where the clicked element lives (a message: channel and ts; or a view).</summary>
public sealed class SlackContainer
{
    public string? Type { get; init; }

    public string? MessageTs { get; init; }

    public string? ChannelId { get; init; }

    public string? ViewId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The message that carried the clicked button.</summary>
public sealed class SlackMessageRef
{
    public string? Ts { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>One clicked element of a <c>block_actions</c> payload.</summary>
public sealed class SlackAction
{
    public string? Type { get; init; }

    public string? ActionId { get; init; }

    public string? BlockId { get; init; }

    public string? Value { get; init; }

    /// <summary>A menu's choice (the prompt's "Later" menu).</summary>
    public SlackSelectedOption? SelectedOption { get; init; }

    /// <summary>A time picker's choice, <c>HH:mm</c>.</summary>
    public string? SelectedTime { get; init; }

    public string? ActionTs { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The submitted modal: its callback id, private metadata and input state.</summary>
public sealed class SlackViewPayload
{
    public string? Id { get; init; }

    public string? CallbackId { get; init; }

    public string? PrivateMetadata { get; init; }

    public string? Hash { get; init; }

    public SlackViewState? State { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary><c>state.values[blockId][actionId]</c>.</summary>
public sealed class SlackViewState
{
    public Dictionary<string, Dictionary<string, SlackStateValue>>? Values { get; init; }
}

/// <summary>
/// One input's value: <c>value</c> (text and number inputs, always a string), selected options (checkboxes), the
/// selected option (a menu) or the selected date (a date picker, <c>YYYY-MM-DD</c>).
/// </summary>
public sealed class SlackStateValue
{
    public string? Type { get; init; }

    public string? Value { get; init; }

    public IReadOnlyList<SlackSelectedOption>? SelectedOptions { get; init; }

    public SlackSelectedOption? SelectedOption { get; init; }

    public string? SelectedDate { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class SlackSelectedOption
{
    public string? Value { get; init; }
}
