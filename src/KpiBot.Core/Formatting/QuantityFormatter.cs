using System.Globalization;

namespace KpiBot.Core.Formatting;

/// <summary>
/// Writes a quantity with its unit the way a person reads it: yen as ¥38,200,000 (no decimals, in English
/// and Japanese alike), percentages as "20 %", counts with group separators and the unit as written in
/// the goals file — "27 calls", "27件" (no space before a CJK unit). Rounds only here, never before.
/// </summary>
public static class QuantityFormatter
{
    private static readonly HashSet<string> YenUnits = new(StringComparer.OrdinalIgnoreCase) { "JPY", "yen", "円", "¥", "￥" };

    public static bool IsYen(string unit) => YenUnits.Contains(unit.Trim());

    public static bool IsPercent(string unit) => unit.Trim() is "%" or "％";

    public static string Format(decimal value, string unit, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(culture);
        var trimmed = unit.Trim();
        if (IsYen(trimmed))
        {
            var yen = Math.Round(value, 0, MidpointRounding.AwayFromZero);
            var digits = Math.Abs(yen).ToString("#,0", culture);
            return yen < 0 ? culture.NumberFormat.NegativeSign + "¥" + digits : "¥" + digits;
        }

        if (IsPercent(trimmed))
        {
            // Rates are fractions everywhere (a target of 20 % is 0.2, like a conversion rate of 5 % is 0.05).
            return Number(value * 100m, culture, "#,0.#") + " %";
        }

        var number = Number(value, culture, "#,0.##");
        if (trimmed.Length == 0)
        {
            return number;
        }

        return StartsWide(trimmed) ? number + trimmed : number + " " + trimmed;
    }

    /// <summary>A bare number with group separators and at most two decimals, as the culture writes it.</summary>
    public static string Number(decimal value, CultureInfo culture, string pattern = "#,0.##")
    {
        ArgumentNullException.ThrowIfNull(culture);
        return value.ToString(pattern, culture);
    }

    private static bool StartsWide(string unit) => DisplayWidth.IsWide(char.ConvertToUtf32(unit, 0));
}
