namespace KpiBot.Core.Views;

/// <summary>
/// A lead's <c>status</c>: the tree with progress and pace, then the named lists (KDIs behind, who has not
/// answered today, open blockers). <see cref="Sections"/> hold the lists with their localized headings.
/// </summary>
public sealed record StatusView(string Text, string Title, IReadOnlyList<ProgressLine> Lines, IReadOnlyList<ViewSection> Sections) : ChatView(Text);

/// <summary>The tree without the lists (<c>tree</c>).</summary>
public sealed record TreeView(string Text, string Title, IReadOnlyList<ProgressLine> Lines) : ChatView(Text);

/// <summary>A rep's own progress (<c>me</c>).</summary>
public sealed record PersonalProgressView(string Text, string Title, IReadOnlyList<ProgressLine> Lines, IReadOnlyList<ViewSection> Sections) : ChatView(Text);

/// <summary>The weekly team digest: KGI rollup, KPI status, participation, streaks, blockers, movers, at-risk items.</summary>
public sealed record DigestView(string Text, string Title, string TeamId, DateOnly WeekStart, IReadOnlyList<ProgressLine> Lines, IReadOnlyList<ViewSection> Sections) : ChatView(Text)
{
    /// <summary>The digest's chart (KGI and its KPIs, actual against plan), or null when the team has no KGI with figures.</summary>
    public Digest.DigestChart? Chart { get; init; }
}

/// <summary>The commands a person may use, with one line each.</summary>
public sealed record HelpView(string Text, string Title, IReadOnlyList<HelpItem> Commands) : ChatView(Text);

public sealed record HelpItem(string Usage, string Description);

/// <summary>A heading with lines of text under it ("Not answered today": names…).</summary>
public sealed record ViewSection(string Heading, IReadOnlyList<string> Items);
