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

public sealed record ButtonElement(PlainText Text, string ActionId, string? Value = null, string? Style = null)
{
    public string Type => "button";
}

/// <summary>An input block's element.</summary>
[JsonDerivedType(typeof(NumberInput))]
[JsonDerivedType(typeof(PlainTextInput))]
[JsonDerivedType(typeof(Checkboxes))]
public abstract record InputElement(string ActionId);

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
