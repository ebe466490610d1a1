using System.Text.Json.Serialization;

namespace KpiBot.Slack.BlockKit;

/// <summary>
/// A Block Kit layout block: only the kinds the renderers use. Each record writes its own constant
/// <c>type</c>; derived types are registered without discriminators (see STYLE.md, "JSON and cards").
/// </summary>
[JsonDerivedType(typeof(HeaderBlock))]
[JsonDerivedType(typeof(SectionBlock))]
[JsonDerivedType(typeof(ContextBlock))]
[JsonDerivedType(typeof(DividerBlock))]
[JsonDerivedType(typeof(ActionsBlock))]
[JsonDerivedType(typeof(InputBlock))]
public abstract record Block;

public sealed record HeaderBlock(PlainText Text) : Block
{
    public string Type => "header";
}

public sealed record SectionBlock(TextObject Text, string? BlockId = null) : Block
{
    public string Type => "section";
}

public sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block
{
    public string Type => "context";
}

public sealed record DividerBlock : Block
{
    public string Type => "divider";
}

public sealed record ActionsBlock(IReadOnlyList<ActionElement> Elements, string? BlockId = null) : Block
{
    public string Type => "actions";
}

public sealed record InputBlock(string BlockId, PlainText Label, InputElement Element, PlainText? Hint = null, bool Optional = false) : Block
{
    public string Type => "input";
}
