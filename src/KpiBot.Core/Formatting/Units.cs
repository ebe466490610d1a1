using System.Globalization;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Formatting;

/// <summary>
/// Resolves a node's unit for a reader: the name for their language from the goals file's
/// <c>unit: { en: calls, ja: 件 }</c> (the first name for a language it does not give; a plain string for
/// all), and its kind — a currency (JPY, USD, ¥, 円 …) is money, <c>%</c> a rate, anything else a count
/// when the node is whole (the file's <c>whole</c>; by default when the target is a whole number, the node
/// is not an average or a ratio, and the unit is not a measure of time, distance or weight such as hours,
/// 時間 or km), else a measure.
/// </summary>
public static class Units
{
    private static readonly Dictionary<string, (string Code, string? Symbol)> Currencies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["JPY"] = ("JPY", "¥"), ["yen"] = ("JPY", "¥"), ["円"] = ("JPY", "¥"), ["¥"] = ("JPY", "¥"), ["￥"] = ("JPY", "¥"),
        ["USD"] = ("USD", "$"), ["$"] = ("USD", "$"), ["ドル"] = ("USD", "$"),
        ["EUR"] = ("EUR", "€"), ["€"] = ("EUR", "€"),
        ["GBP"] = ("GBP", "£"), ["£"] = ("GBP", "£"),
        ["KRW"] = ("KRW", "₩"), ["₩"] = ("KRW", "₩"),
        ["CNY"] = ("CNY", null), ["AUD"] = ("AUD", null), ["CAD"] = ("CAD", null), ["CHF"] = ("CHF", null),
        ["HKD"] = ("HKD", null), ["SGD"] = ("SGD", null), ["NZD"] = ("NZD", null), ["TWD"] = ("TWD", null),
        ["INR"] = ("INR", null), ["SEK"] = ("SEK", null), ["NOK"] = ("NOK", null), ["DKK"] = ("DKK", null),
    };

    /// <summary>Units of measure that take fractions (7.5 hours) even when their target is whole.</summary>
    private static readonly HashSet<string> Measures = new(StringComparer.OrdinalIgnoreCase)
    {
        "h", "hr", "hrs", "hour", "hours", "時間", "min", "mins", "minute", "minutes", "分", "day", "days", "日", "日数",
        "km", "kms", "mile", "miles", "kg", "kgs", "t", "ton", "tons", "トン", "l", "liter", "liters", "litre", "litres",
        "人日", "人月", "man-days", "man-hours", "工数",
    };

    /// <summary>Currencies without minor units (ISO 4217 exponent 0) among those above.</summary>
    private static readonly HashSet<string> WholeCurrencies = new(StringComparer.Ordinal) { "JPY", "KRW" };

    /// <summary>The unit of a KGI, KPI or KDI for a reader in <paramref name="culture"/>; a KSF has none.</summary>
    public static DisplayUnit Of(GoalNode node, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(culture);
        var (unit, names, whole, target) = Parts(node);
        var text = Name(unit, names, culture);
        // Averages and ratios of whole things are not whole (7.5 points on average); other targets tell.
        var level = node is Kpi { Aggregation: Aggregation.Average or Aggregation.Ratio };
        return Resolve(text, unit, whole ?? (!level && decimal.Truncate(target) == target && !IsMeasure(unit, names)));
    }

    /// <summary>
    /// A unit known only by its text (no node): money and rates as above, anything else a measure shown with up
    /// to two decimals. For a node, use <see cref="Of(GoalNode, CultureInfo)"/>, which knows whether it is whole.
    /// </summary>
    public static DisplayUnit Of(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Resolve(unit.Trim(), unit.Trim(), whole: false);
    }

    /// <summary>Whether the node counts whole things (or money without minor units): a value with a fraction is refused.</summary>
    public static bool TakesWholeValuesOnly(GoalNode node) => Of(node, CultureInfo.InvariantCulture).TakesWholeValuesOnly;

    /// <summary>The name of the unit in the reader's language: the file's name for that language, else its first (or plain) one.</summary>
    public static string Name(GoalNode node, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(culture);
        var (unit, names, _, _) = Parts(node);
        return Name(unit, names, culture);
    }

    private static bool IsMeasure(string unit, IReadOnlyDictionary<string, string>? names) =>
        Measures.Contains(unit.Trim()) || (names is not null && names.Values.Any(n => Measures.Contains(n.Trim())));

    private static string Name(string unit, IReadOnlyDictionary<string, string>? names, CultureInfo culture) =>
        names is not null && names.TryGetValue(culture.TwoLetterISOLanguageName, out var name) ? name : unit;

    private static DisplayUnit Resolve(string text, string canonical, bool whole)
    {
        if (text is "%" or "％" || canonical is "%" or "％")
        {
            return new DisplayUnit("%", UnitKind.Percent, 1);
        }

        if (Currencies.TryGetValue(canonical.Trim(), out var currency) || Currencies.TryGetValue(text.Trim(), out currency))
        {
            return new DisplayUnit(text, UnitKind.Money, WholeCurrencies.Contains(currency.Code) ? 0 : 2, currency.Symbol);
        }

        return whole ? new DisplayUnit(text, UnitKind.Count, 0) : new DisplayUnit(text, UnitKind.Measure, 2);
    }

    private static (string Unit, IReadOnlyDictionary<string, string>? Names, bool? Whole, decimal Target) Parts(GoalNode node) => node switch
    {
        Kgi kgi => (kgi.Unit, kgi.UnitNames, kgi.Whole, kgi.Target),
        Kpi kpi => (kpi.Unit, kpi.UnitNames, kpi.Whole, kpi.Target),
        Kdi kdi => (kdi.Unit, kdi.UnitNames, kdi.Whole, kdi.Target),
        _ => (string.Empty, null, false, 0m),
    };
}
