namespace KpiBot.Core.Formatting;

/// <summary>What a unit is, which decides how its quantities are shown and which values it takes.</summary>
public enum UnitKind
{
    /// <summary>Whole things (calls, meetings): shown and entered as whole numbers.</summary>
    Count,

    /// <summary>An amount that may have a fraction (hours, km): shown with up to two decimals.</summary>
    Measure,

    /// <summary>Money in a currency: shown in the currency's units (¥ whole, $ with cents).</summary>
    Money,

    /// <summary>A rate kept as a fraction (0.2) and shown as a percentage with one decimal (20 %).</summary>
    Percent,
}

/// <summary>
/// A unit as one person reads it: its name in their language ("calls" / "件"), its kind and the decimals a
/// quantity of it is shown with (<see cref="Decimals"/>: exactly that many for money, at most that many
/// otherwise). <see cref="Symbol"/> is a currency sign written before the number ("¥", "$").
/// </summary>
public sealed record DisplayUnit(string Text, UnitKind Kind, int Decimals, string? Symbol = null)
{
    /// <summary>True when values are whole things or a currency without minor units: 2.5 calls is refused.</summary>
    public bool TakesWholeValuesOnly => Decimals == 0 && Kind is UnitKind.Count or UnitKind.Money;
}
