using System.Globalization;
using KpiBot.Core.Charts;
using KpiBot.Core.Conversations.Lead;
using KpiBot.Core.Goals;
using KpiBot.Core.Rollup;

namespace KpiBot.Core.Digest;

/// <summary>
/// The digest's one chart: the team's first KGI and its KPIs, actual against plan to date (% of target).
/// <see cref="Caption"/> names the numbered bars in the reader's language (the picture carries no words);
/// <see cref="ImageUrl"/> is the signed, expiring address a card shows it from (Teams), null without a public base URL.
/// </summary>
public sealed record DigestChart(BarChart Chart, string Caption, string AltText, string FileName, Uri? ImageUrl);

/// <summary>Makes the digest chart from the team's rollup (pure: the digest and the chart's address both call it).</summary>
public static class DigestCharts
{
    /// <summary>Width and height of the PNG, in pixels.</summary>
    public const int Width = 800;
    public const int Height = 400;

    /// <summary>The chart of <paramref name="report"/>'s first KGI with figures and its KPIs; null when there is none.</summary>
    public static DigestChart? For(RollupReport report, Team team, DateOnly weekStart, CultureInfo culture, Uri? imageUrl)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(team);
        var kgi = report.Roots.FirstOrDefault(r => r.Node.Kind == GoalKind.Kgi && Charted(r));
        if (kgi is null)
        {
            return null;
        }

        var nodes = new List<RollupNode> { kgi };
        nodes.AddRange(Descendants(kgi).Where(n => n.Node.Kind == GoalKind.Kpi && Charted(n)));
        var groups = nodes.Select((n, i) => new BarGroup(
            (i + 1).ToString(CultureInfo.InvariantCulture), n.Node.Title,
            n.Figures!.Actual * 100m / n.Figures.Target, n.Figures.Expected * 100m / n.Figures.Target)).ToList();
        var title = LeadTexts.Format(nameof(Resources.LeadText.Chart_Title), culture, kgi.Node.Title);
        var items = groups.Select(g => LeadTexts.Format(nameof(Resources.LeadText.Chart_Item), culture,
            g.Label, g.Title, LeadTexts.Percent(g.ActualPercent, culture), LeadTexts.Percent(g.PlanPercent, culture)));
        var caption = title + "\n" + string.Join('\n', items);
        var fileName = $"kpibot-{team.Id}-{weekStart:yyyy-MM-dd}.png";
        return new DigestChart(new BarChart(title, groups), caption, caption.Replace('\n', ' '), fileName, imageUrl);
    }

    private static bool Charted(RollupNode node) => node.Figures is { Target: not 0m };

    private static IEnumerable<RollupNode> Descendants(RollupNode node) =>
        node.Children.SelectMany(c => Descendants(c).Prepend(c));
}

/// <summary>
/// Signed, expiring addresses of the digest chart on the host's public base URL, which the host answers by drawing
/// the chart again (Teams shows a card's image from a URL). Implemented by the web side; null without a public base URL.
/// </summary>
public interface IDigestChartLinks
{
    /// <summary>The chart's address for <paramref name="teamId"/>'s digest of the week from <paramref name="weekStart"/>, or null.</summary>
    Uri? For(string teamId, DateOnly weekStart);
}
