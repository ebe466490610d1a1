using System.Globalization;
using KpiBot.Core.Formatting;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Rollup;

/// <summary>
/// Says which period a figure covers, so two figures of one KDI (a month's and a week's) are never read as
/// one: "on Fri 4 Dec", "in the week of Mon 30 Nov", "in November", "in Apr 2026 – Mar 2027", "to date, due 31 Mar 2027"
/// (「12月4日（金）」「11月30日（月）の週」「11月」「2026年4月〜2027年3月」「累計（期限 2027年3月31日）」).
/// Named by the window's dates, not "this month", because a digest or a tree as of an earlier day is read later.
/// </summary>
public static class PeriodLabels
{
    /// <summary>The label of a node's window; null for a node without one (a KSF).</summary>
    public static string? For(RollupNode node, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(culture);
        return node.Window is { } window ? For(node.Period ?? PeriodKind.Window, window.Start, window.End, culture) : null;
    }

    public static string For(PeriodKind period, DateOnly start, DateOnly end, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return period switch
        {
            PeriodKind.Day => T(nameof(RollupText.Period_Day), culture, Dates.Day(start, culture)),
            PeriodKind.Week => T(nameof(RollupText.Period_Week), culture, Dates.Day(start, culture)),
            PeriodKind.Month => T(nameof(RollupText.Period_Month), culture, start),
            PeriodKind.Quarter or PeriodKind.Year => T(nameof(RollupText.Period_Span), culture, start, end),
            _ => T(nameof(RollupText.Period_ToDate), culture, end),
        };
    }

    /// <summary>"35 calls / 720 calls in November" / 「11月 35件 / 720件」: actual and target in the node's unit, and the period.</summary>
    public static string Figures(RollupNode node, decimal actual, decimal target, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(node);
        var amounts = (QuantityFormatter.Format(actual, node.Node, culture), QuantityFormatter.Format(target, node.Node, culture));
        return For(node, culture) is { } label
            ? T(nameof(RollupText.Tree_FiguresInPeriod), culture, amounts.Item1, amounts.Item2, label)
            : T(nameof(RollupText.Tree_ActualOfTarget), culture, amounts.Item1, amounts.Item2);
    }

    private static string T(string key, CultureInfo culture, params object?[] args) =>
        Localized.Format(RollupText.ResourceManager, key, culture, args);
}
