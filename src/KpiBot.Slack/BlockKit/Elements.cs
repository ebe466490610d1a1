using System.Text.Json.Serialization;

namespace KpiBot.Slack.BlockKit;

/// <summary>A text object: <c>plain_text</c> or <c>mrkdwn</c>.</summary>
[JsonDerivedType(typeof(PlainText))]
[JsonDerivedType(typeof(Markdown))]
public abstract record TextObject(string Text);

public sealed record PlainText(string Text) : TextObject(Text)
{
    public string Type => "plain_text";
}

public sealed record Markdown(string Text) : TextObject(Text)
{
    public string Type => "mrkdwn";
}

/// <summary>An element of an actions block: a button, a menu or a time picker.</summary>
[JsonDerivedType(typeof(ButtonElement))]
[JsonDerivedType(typeof(StaticSelect))]
[JsonDerivedType(typeof(TimePicker))]
public abstract record ActionElement;

public sealed record ButtonElement(PlainText Text, string ActionId, string? Value = null, string? Style = null) : ActionElement
{
    public string Type => "button";
}

/// <summary>An input block's element.</summary>
[JsonDerivedType(typeof(NumberInput))]
[JsonDerivedType(typeof(PlainTextInput))]
[JsonDerivedType(typeof(Checkboxes))]
[JsonDerivedType(typeof(StaticSelect))]
[JsonDerivedType(typeof(DatePicker))]
[JsonDerivedType(typeof(TimePicker))]
public abstract record InputElement(string ActionId) : ActionElement;

/// <summary>Slack's number field; its values are strings.</summary>
public sealed record NumberInput(string ActionId, bool IsDecimalAllowed, string? MinValue = null, string? InitialValue = null) : InputElement(ActionId)
{
    public string Type => "number_input";
}

public sealed record PlainTextInput(string ActionId, bool Multiline, PlainText? Placeholder = null, string? InitialValue = null, int? MaxLength = null) : InputElement(ActionId)
{
    public string Type => "plain_text_input";
}

public sealed record Checkboxes(string ActionId, IReadOnlyList<CheckboxOption> Options, IReadOnlyList<CheckboxOption>? InitialOptions = null) : InputElement(ActionId)
{
    public string Type => "checkboxes";
}

public sealed record CheckboxOption(TextObject Text, string Value);

/// <summary>A menu of at most 100 options (option text at most 75 characters); its state is <c>selected_option</c>.</summary>
public sealed record StaticSelect(string ActionId, PlainText Placeholder, IReadOnlyList<SelectOption> Options, SelectOption? InitialOption = null)
    : InputElement(ActionId)
{
    public string Type => "static_select";
}

public sealed record SelectOption(PlainText Text, string Value);

/// <summary>A date picker; <c>initial_date</c> and its state <c>selected_date</c> are <c>YYYY-MM-DD</c>.</summary>
public sealed record DatePicker(string ActionId, string? InitialDate = null) : InputElement(ActionId)
{
    public string Type => "datepicker";
}

/// <summary>A time picker; its state <c>selected_time</c> is <c>HH:mm</c> (the user's own zone in Slack's client).</summary>
public sealed record TimePicker(string ActionId, PlainText? Placeholder = null) : InputElement(ActionId)
{
    public string Type => "timepicker";
}
