using System.Text.Json.Serialization;

namespace KpiBot.Teams.Cards;

/// <summary>
/// A body element. Derived types are registered without discriminators and each carries its own constant
/// <c>type</c>: a discriminator on the base would be dropped where a property is typed as the concrete type.
/// </summary>
[JsonDerivedType(typeof(TextBlock))]
[JsonDerivedType(typeof(Image))]
[JsonDerivedType(typeof(InputNumber))]
[JsonDerivedType(typeof(InputText))]
[JsonDerivedType(typeof(InputToggle))]
[JsonDerivedType(typeof(InputChoiceSet))]
[JsonDerivedType(typeof(InputDate))]
[JsonDerivedType(typeof(ColumnSet))]
[JsonDerivedType(typeof(Container))]
[JsonDerivedType(typeof(FactSet))]
public abstract record CardElement
{
    public string? Spacing { get; init; }

    public bool? Separator { get; init; }
}
