using System.Globalization;
using KpiBot.Core.Goals;
using KpiBot.Core.Rollup;

namespace KpiBot.Web.Api;

/// <summary>The rolled-up tree as API nodes in tree order (parents before children).</summary>
internal static class ApiTree
{
    public static IReadOnlyList<TreeNode> Nodes(RollupReport report, CultureInfo culture)
    {
        var nodes = new List<TreeNode>();
        foreach (var root in report.Roots)
        {
            Add(root, null, 0, report, culture, nodes);
        }

        return nodes;
    }

    private static void Add(RollupNode node, string? parent, int depth, RollupReport report, CultureInfo culture, List<TreeNode> nodes)
    {
        var f = node.Figures;
        nodes.Add(new TreeNode(
            node.Node.Id,
            ApiRequests.Lower(node.Node.Kind),
            node.Node.Title,
            Units.Of(node.Node),
            parent,
            depth,
            node.Window?.Start,
            node.Window?.End,
            f is null ? null : new Figures(f.Actual, f.Target, f.ProgressPercent, f.Expected, f.Pace, f.NeededPerWorkingDay, f.Forecast,
                StatusName(f.Status), f.WorkingDaysElapsed, f.WorkingDaysTotal),
            node.Outcome is not { } o ? null : new Outcome(o.Reported, o.Estimate, o.ReportedDrives ? "reported" : "estimate",
                [.. o.Rates.Select(r => new Rate(r.Input.Id, r.InputActual, r.Planned, r.Achieved, r.FarBelow,
                    r.FarBelow ? OutcomeLines.Warning(node, r, report, culture) : null))])));
        foreach (var child in node.Children)
        {
            Add(child, node.Node.Id, depth + 1, report, culture, nodes);
        }
    }

    /// <summary>"on-track", "at-risk", "off-track", "not-started".</summary>
    public static string StatusName(ProgressStatus status) => status switch
    {
        ProgressStatus.OnTrack => "on-track",
        ProgressStatus.AtRisk => "at-risk",
        ProgressStatus.OffTrack => "off-track",
        _ => "not-started",
    };
}
