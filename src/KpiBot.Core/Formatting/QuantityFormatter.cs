using System.Globalization;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Formatting;

/// <summary>
/// Writes a quantity with its unit the way a person reads it, in the unit's precision: counts as whole
/// numbers ("27 calls", "27件" — no space before a CJK unit), money in the currency's units (¥38,200,000;
/// $1,250.50), rates with one decimal (20 %), other measures with up to two decimals. Rounds only here,
/// from the exact value, never before; storage, the API and exports keep the exact values.
/// </summary>
public static class QuantityFormatter
{
    public static bool IsYen(string unit) => Units.Of(unit) is { Kind: UnitKind.Money, Symbol: "¥" };

    public static bool IsPercent(string unit) => Units.Of(unit).Kind == UnitKind.Percent;

    /// <summary>A node's quantity in the reader's language and the node's precision: "8 calls", "8件", "¥1,200".</summary>
    public static string Format(decimal value, GoalNode node, CultureInfo culture, QuantityRounding rounding = QuantityRounding.Nearest) =>
        Format(value, Units.Of(node, culture), culture, rounding);

    /// <summary>A quantity of a unit known only by its text (money and rates recognised, anything else up to two decimals).</summary>
    public static string Format(decimal value, string unit, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Format(value, Units.Of(unit), culture);
    }

    public static string Format(decimal value, DisplayUnit unit, CultureInfo culture, QuantityRounding rounding = QuantityRounding.Nearest)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(culture);
        var number = Bare(value, unit, culture, rounding);
        switch (unit.Kind)
        {
            case UnitKind.Percent:
                return number + " %";
            case UnitKind.Money when unit.Symbol is { } symbol:
                return number.StartsWith(culture.NumberFormat.NegativeSign, StringComparison.Ordinal)
                    ? culture.NumberFormat.NegativeSign + symbol + number[culture.NumberFormat.NegativeSign.Length..]
                    : symbol + number;
        }

        var text = unit.Text.Trim();
        if (text.Length == 0)
        {
            return number;
        }

        return StartsWide(text) ? number + text : number + " " + text;
    }

    /// <summary>
    /// The number alone in the unit's precision ("8", "20", "1,250.50"); a rate as its percentage without the sign.
    /// </summary>
    public static string Bare(decimal value, DisplayUnit unit, CultureInfo culture, QuantityRounding rounding = QuantityRounding.Nearest)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(culture);
        var shown = unit.Kind == UnitKind.Percent ? value * 100m : value;
        shown = Round(shown, unit.Decimals, rounding);
        var pattern = unit.Kind == UnitKind.Money
            ? "#,0" + (unit.Decimals > 0 ? "." + new string('0', unit.Decimals) : string.Empty)
            : "#,0" + (unit.Decimals > 0 ? "." + new string('#', unit.Decimals) : string.Empty);
        return Number(shown, culture, pattern);
    }

    /// <summary>A bare number with group separators and at most two decimals, as the culture writes it.</summary>
    public static string Number(decimal value, CultureInfo culture, string pattern = "#,0.##")
    {
        ArgumentNullException.ThrowIfNull(culture);
        return value.ToString(pattern, culture);
    }

    // What is still needed is never shown as less than it is: 7.2 calls a day to go is 8.
    private static decimal Round(decimal value, int decimals, QuantityRounding rounding) => rounding switch
    {
        QuantityRounding.Up => Math.Ceiling(value * Pow10(decimals)) / Pow10(decimals),
        _ => Math.Round(value, decimals, MidpointRounding.AwayFromZero),
    };

    private static decimal Pow10(int decimals)
    {
        var result = 1m;
        for (var i = 0; i < decimals; i++)
        {
            result *= 10m;
        }

        return result;
    }

    private static bool StartsWide(string unit) => DisplayWidth.IsWide(char.ConvertToUtf32(unit, 0));
}

/// <summary>How a quantity is rounded to its unit's precision.</summary>
public enum QuantityRounding
{
    /// <summary>To the nearest, halves away from zero (what was done, targets).</summary>
    Nearest,

    /// <summary>Up (what is still needed: 7.2 calls to go is 8).</summary>
    Up,
}
