using System.Globalization;
using KpiBot.Core.Formatting;
using KpiBot.Core.Resources;
using KpiBot.Core.Rollup;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Lead;

/// <summary>Rolled-up nodes as <see cref="ProgressLine"/>s and as one-line texts.</summary>
internal static class ProgressLines
{
    /// <summary>The node and its subtree, depth first; depth counts from <paramref name="depth"/>.</summary>
    public static IReadOnlyList<ProgressLine> Tree(IEnumerable<RollupNode> roots, CultureInfo culture, int depth = 0)
    {
        var lines = new List<ProgressLine>();
        foreach (var root in roots)
        {
            Add(root, depth, culture, lines);
        }

        return lines;
    }

    public static ProgressLine Line(RollupNode node, int depth, CultureInfo culture) =>
        Line(node, node.Figures, depth, culture);

    /// <summary>A line for the node with the given figures (the node's own, or one person's part of it).</summary>
    public static ProgressLine Line(RollupNode node, ProgressFigures? figures, int depth, CultureInfo culture) => new(
        depth,
        node.Node.Kind,
        node.Node.Id,
        node.Node.Title,
        figures is null ? null : Figures(node, figures, culture),
        figures?.Fraction,
        figures?.Status,
        figures is null ? null : StatusText.For(figures.Status, culture),
        figures is null ? null : LeadTexts.Percent(figures.ProgressPercent, culture));

    /// <summary>
    /// "¥38,200,000 / ¥100,000,000 to date, due 31 Mar 2027", "35 calls / 720 calls in November"; for a reported
    /// KGI or KPI (its own figures, not a person's part) followed by whether it is reported and its estimate:
    /// "¥38,200,000 / ¥100,000,000 to date, due 31 Mar 2027 (reported · estimate ¥30,000,000)".
    /// </summary>
    public static string Figures(RollupNode node, ProgressFigures figures, CultureInfo culture)
    {
        var text = PeriodLabels.Figures(node, figures.Actual, figures.Target, culture);
        return ReferenceEquals(figures, node.Figures) && OutcomeLines.Note(node, culture) is { } note ? $"{text} ({note})" : text;
    }

    /// <summary>"Calls: 320 / 400 calls in November (at-risk) — needs 27 calls per working day" (needed rounds up).</summary>
    public static string Behind(RollupNode node, CultureInfo culture)
    {
        var figures = node.Figures!;
        var status = StatusText.For(figures.Status, culture);
        return figures.NeededPerWorkingDay is { } needed
            ? LeadTexts.Format(
                nameof(LeadText.Item_Behind), culture, node.Node.Title, Figures(node, figures, culture), status,
                QuantityFormatter.Format(needed, node.Node, culture, QuantityRounding.Up))
            : LeadTexts.Format(nameof(LeadText.Item_BehindNoDays), culture, node.Node.Title, Figures(node, figures, culture), status);
    }

    public static bool IsBehind(ProgressFigures? figures) =>
        figures?.Status is Goals.ProgressStatus.AtRisk or Goals.ProgressStatus.OffTrack;

    private static void Add(RollupNode node, int depth, CultureInfo culture, List<ProgressLine> lines)
    {
        lines.Add(Line(node, depth, culture));
        foreach (var child in node.Children)
        {
            Add(child, depth + 1, culture, lines);
        }
    }
}
