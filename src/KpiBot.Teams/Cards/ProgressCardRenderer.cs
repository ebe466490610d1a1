using KpiBot.Core.Views;

namespace KpiBot.Teams.Cards;

/// <summary>
/// Status, tree, personal progress and digest as readable cards: one row per goal, indented by depth,
/// with its figures, a text progress bar and the status word in the status's color; then the named lists.
/// The indentation is card structure — a fixed-width first column per level holding a subtle └ — not leading
/// spaces, which clients may trim or collapse.
/// </summary>
public static class ProgressCardRenderer
{
    public static AdaptiveCard Status(StatusView view) => Card(view.Title, view.Lines, view.Sections);

    public static AdaptiveCard Tree(TreeView view) => Card(view.Title, view.Lines, []);

    public static AdaptiveCard Personal(PersonalProgressView view) => Card(view.Title, view.Lines, view.Sections);

    /// <summary>The body elements of a progress view: title, lines, sections (the digest splits these across cards).</summary>
    public static List<CardElement> Elements(string title, IReadOnlyList<ProgressLine> lines, IReadOnlyList<ViewSection> sections)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(sections);
        List<CardElement> body = [Title(title)];
        body.AddRange(lines.Select(Line));
        foreach (var section in sections)
        {
            body.Add(new TextBlock(section.Heading) { Weight = "Bolder", Separator = true, Spacing = "Medium" });
            body.AddRange(section.Items.Select(item => new TextBlock("• " + item) { Spacing = "None" }));
        }

        return body;
    }

    public static TextBlock Title(string title) => new(title) { Size = "Medium", Weight = "Bolder" };

    private static AdaptiveCard Card(string title, IReadOnlyList<ProgressLine> lines, IReadOnlyList<ViewSection> sections) =>
        new(Elements(title, lines, sections));

    /// <summary>The width of one level of indentation.</summary>
    public const int IndentPixels = 16;

    private static ColumnSet Line(ProgressLine line)
    {
        List<CardElement> left = [new TextBlock(line.Title) { Weight = line.Depth == 0 ? "Bolder" : null }];
        if (line.Detail is { Length: > 0 } detail)
        {
            left.Add(new TextBlock(detail) { IsSubtle = true, Spacing = "None", Size = "Small" });
        }

        List<CardElement> right = [];
        if (line.FiguresText is { Length: > 0 } figures)
        {
            right.Add(new TextBlock(figures) { Size = "Small" });
        }

        var bar = line.Fraction is { } fraction ? TextBar.Of(fraction) + " " : "";
        if (bar.Length > 0 || line.StatusText is { Length: > 0 })
        {
            right.Add(new TextBlock(bar + line.StatusText) { FontType = "Monospace", Color = TextBar.ColorOf(line.Status), Spacing = "None", Size = "Small" });
        }

        List<Column> columns = [new Column("stretch", left), new Column("auto", right)];
        if (line.Depth > 0)
        {
            // An empty column may not be drawn at all, so the indent column holds the branch mark.
            columns.Insert(0, new Column(
                (line.Depth * IndentPixels).ToString(System.Globalization.CultureInfo.InvariantCulture) + "px",
                [new TextBlock("└") { IsSubtle = true, HorizontalAlignment = "Right", Wrap = false }]));
        }

        return new ColumnSet(columns) { Spacing = "Small" };
    }
}
