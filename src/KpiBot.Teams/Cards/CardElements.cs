namespace KpiBot.Teams.Cards;

/// <summary>Text; wraps by default.</summary>
public sealed record TextBlock(string Text) : CardElement
{
    public string Type => "TextBlock";

    public bool Wrap { get; init; } = true;

    public string? Size { get; init; }

    public string? Weight { get; init; }

    public string? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public string? FontType { get; init; }

    public string? HorizontalAlignment { get; init; }
}

/// <summary>An image shown from its URL (Teams fetches it); the alt text is read to those who cannot see it.</summary>
public sealed record Image(string Url) : CardElement
{
    public string Type => "Image";

    public string? AltText { get; init; }

    public string? Size { get; init; }
}

/// <summary>A number input (v1.3 label and validation).</summary>
public sealed record InputNumber(string Id, string Label) : CardElement
{
    public string Type => "Input.Number";

    public decimal? Min { get; init; }

    public decimal? Value { get; init; }

    public bool IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

/// <summary>A text input.</summary>
public sealed record InputText(string Id) : CardElement
{
    public string Type => "Input.Text";

    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }

    public string? Placeholder { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }
}

/// <summary>A toggle whose value is <c>"true"</c> or <c>"false"</c>.</summary>
public sealed record InputToggle(string Id, string Title) : CardElement
{
    public string Type => "Input.Toggle";

    public string Value { get; init; } = "false";

    public string ValueOn => "true";

    public string ValueOff => "false";
}

/// <summary>Columns side by side.</summary>
public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement
{
    public string Type => "ColumnSet";
}

/// <summary>One column: <c>auto</c>, <c>stretch</c> or a weight.</summary>
public sealed record Column(string Width, IReadOnlyList<CardElement> Items)
{
    public string Type => "Column";
}

/// <summary>A group of elements, optionally styled (<c>emphasis</c>, <c>attention</c>…).</summary>
public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public string Type => "Container";

    public string? Style { get; init; }
}

/// <summary>Title/value pairs.</summary>
public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement
{
    public string Type => "FactSet";
}

/// <summary>One pair of a <see cref="FactSet"/>.</summary>
public sealed record Fact(string Title, string Value);

/// <summary>A menu (<c>compact</c>) of choices; its value is the chosen choice's value.</summary>
public sealed record InputChoiceSet(string Id, string Label, IReadOnlyList<Choice> Choices) : CardElement
{
    public string Type => "Input.ChoiceSet";

    public string Style => "compact";

    public string? Value { get; init; }

    public bool IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

/// <summary>One choice of an <see cref="InputChoiceSet"/>.</summary>
public sealed record Choice(string Title, string Value);

/// <summary>A date input; its value is <c>YYYY-MM-DD</c>.</summary>
public sealed record InputDate(string Id, string Label) : CardElement
{
    public string Type => "Input.Date";

    public string? Value { get; init; }

    public string? Max { get; init; }

    public bool IsRequired { get; init; }
}
