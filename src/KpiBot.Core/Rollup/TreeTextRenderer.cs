using System.Globalization;
using System.Text;
using KpiBot.Core.Formatting;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Rollup;

/// <summary>
/// The text of <c>kpibot goals tree</c>: one line per node with ├─ └─ │ branches, then actual / target in the
/// unit's precision, the period they cover, progress, a bar and the status word, e.g.
/// <c>KGI 年間売上1億円  ¥38,200,000 / ¥100,000,000  累計・期限 2027年3月31日  38 %  ▓▓▓▓░░░░░░  要注意</c>.
/// KSF lines carry only their title (a KSF has no number). Columns are padded by display width, so
/// Japanese titles (two columns a character) line up with English ones.
/// </summary>
public static class TreeTextRenderer
{
    private const string Gap = "  ";

    public static string Render(GoalsModel model, RollupReport report, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(culture);
        if (report.Roots.Count == 0)
        {
            return Text(nameof(RollupText.Tree_NoGoals), culture) + Environment.NewLine;
        }

        var rows = new List<Row>();
        foreach (var root in report.Roots)
        {
            Collect(root, string.Empty, string.Empty, culture, rows);
        }

        var labelWidth = rows.Max(r => DisplayWidth.Of(r.Label));
        var amountWidth = rows.Max(r => DisplayWidth.Of(r.Amounts));
        var percentWidth = rows.Max(r => DisplayWidth.Of(r.Percent));
        var periodWidth = rows.Max(r => DisplayWidth.Of(r.Period));
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            var line = row.Figures is null
                ? row.Label
                : DisplayWidth.PadRight(row.Label, labelWidth) + Gap + DisplayWidth.PadLeft(row.Amounts, amountWidth)
                  + Gap + DisplayWidth.PadRight(row.Period, periodWidth)
                  + Gap + DisplayWidth.PadLeft(row.Percent, percentWidth) + Gap + row.Bar + Gap + row.Status
                  + (row.Note is null ? string.Empty : Gap + "(" + row.Note + ")");
            text.Append(line.TrimEnd()).Append(Environment.NewLine);
        }

        foreach (var warning in OutcomeLines.Warnings(report, culture))
        {
            text.Append("⚠ ").Append(warning).Append(Environment.NewLine);
        }

        return text.ToString();
    }

    private static void Collect(RollupNode node, string branch, string indent, CultureInfo culture, List<Row> rows)
    {
        rows.Add(RowFor(node, branch + KindLabel(node.Node.Kind, culture) + " " + node.Node.Title, culture));
        for (var i = 0; i < node.Children.Count; i++)
        {
            var last = i == node.Children.Count - 1;
            Collect(node.Children[i], indent + (last ? "└─ " : "├─ "), indent + (last ? "   " : "│  "), culture, rows);
        }
    }

    private static Row RowFor(RollupNode node, string label, CultureInfo culture)
    {
        if (node.Figures is not { } figures)
        {
            return new Row(label, null, string.Empty, string.Empty, string.Empty, string.Empty, null) { Period = string.Empty };
        }

        var amounts = Localized.Format(
            RollupText.ResourceManager, nameof(RollupText.Tree_ActualOfTarget), culture,
            QuantityFormatter.Format(figures.Actual, node.Node, culture), QuantityFormatter.Format(figures.Target, node.Node, culture));
        var percent = figures.ProgressPercent is { } p
            ? QuantityFormatter.Number(Math.Round(p, 0, MidpointRounding.AwayFromZero), culture, "#,0") + " %"
            : Text(nameof(RollupText.Tree_NoFigure), culture);
        return new Row(label, figures, amounts, percent, ProgressBar.Render(figures.Fraction), StatusText.For(figures.Status, culture),
            OutcomeLines.Note(node, culture))
        {
            Period = PeriodLabels.For(node, culture) ?? string.Empty,
        };
    }

    private static string KindLabel(GoalKind kind, CultureInfo culture) => Text(
        kind switch
        {
            GoalKind.Kgi => nameof(RollupText.Kind_Kgi),
            GoalKind.Ksf => nameof(RollupText.Kind_Ksf),
            GoalKind.Kpi => nameof(RollupText.Kind_Kpi),
            _ => nameof(RollupText.Kind_Kdi),
        },
        culture);

    private static string Text(string key, CultureInfo culture) => Localized.Get(RollupText.ResourceManager, key, culture);

    private sealed record Row(string Label, ProgressFigures? Figures, string Amounts, string Percent, string Bar, string Status, string? Note)
    {
        public required string Period { get; init; }
    }
}
