using System.Globalization;
using KpiBot.Core.Conversations.Lead;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Rollup;

namespace KpiBot.Core.Outcomes;

/// <summary>
/// How a reported goal and the KGI above it stand after a report, one line each:
/// "年間売上1億円 now: ¥38,200,000 / ¥100,000,000 (reported · estimate ¥30,000,000)".
/// </summary>
public static class OutcomeStanding
{
    public static async Task<IReadOnlyList<string>> LinesAsync(
        RollupService rollup, GoalsModel model, string nodeId, DateOnly today, CultureInfo culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        ArgumentNullException.ThrowIfNull(culture);
        var report = await rollup.ComputeAsync(model, new RollupRequest(today), ct).ConfigureAwait(false);
        var root = report.Roots.FirstOrDefault(r => r.Node.Id == nodeId || Contains(r, nodeId));
        var lines = new List<string>();
        foreach (var shown in new[] { report.Find(nodeId), root }.Distinct())
        {
            if (shown?.Figures is { } figures)
            {
                lines.Add(Localized.Format(OutcomeText.ResourceManager, nameof(OutcomeText.Receipt_Now), culture,
                    shown.Node.Title, ProgressLines.Figures(shown, figures, culture)));
            }
        }

        return lines;
    }

    private static bool Contains(RollupNode node, string id) => node.Children.Any(c => c.Node.Id == id || Contains(c, id));
}
