using KpiBot.Core.Charts;
using KpiBot.Core.Dashboard;
using KpiBot.Core.Goals;
using KpiBot.Web.Resources;
using Microsoft.AspNetCore.Mvc;

namespace KpiBot.Web.Dashboard.Pages;

/// <summary>
/// <c>/dashboard/teams/{team}/goals/{node}?period=&amp;asOf=</c>: one KPI/KDI (or KGI) of the team's tree — its row as the
/// tree shows it, and a line chart of the cumulative actual against plan over the period with the forecast line.
/// </summary>
public sealed class GoalModel(GoalPageBuilder builder, IChartRenderer charts, DashboardViewer viewers) : DashboardPageModel(viewers)
{
    public const int ChartWidth = 720;
    public const int ChartHeight = 360;

    public GoalPageView? View { get; private set; }

    /// <summary>The chart as a data: URL (the page's policy allows images from data: only, no script).</summary>
    public string? ChartDataUrl { get; private set; }

    public string TeamPath { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string teamId, string nodeId, string? period, DateOnly? asOf)
    {
        if (!Viewer.Model.TeamsById.TryGetValue(teamId, out var team))
        {
            return Viewer.Person.Role == Role.Admin ? Missing() : Deny();
        }

        if (!DashboardAccess.CanSeeTeam(Viewer.Person, team.Id))
        {
            return Deny();
        }

        var kind = Periods.Parse(period);
        var day = asOf ?? Viewer.Today;
        var names = (T(nameof(PageText.Chart_Actual)), T(nameof(PageText.Chart_Plan)), T(nameof(PageText.Chart_Forecast)));
        View = await builder.BuildAsync(Viewer.Model, team, nodeId, kind, day, Culture, names, HttpContext.RequestAborted);
        if (View is null)
        {
            return Missing();
        }

        var svg = charts.Svg(View.Chart, ChartWidth, ChartHeight);
        ChartDataUrl = "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
        TeamPath = DashboardAuth.BasePath + "/teams/" + Uri.EscapeDataString(team.Id);
        Title = View.Row.Title;
        return Page();
    }

    /// <summary>The tree page of the same team, period and day.</summary>
    public string TreeLink => TeamPath + Periods.Query(View!.Period, View.AsOf, Viewer.Today);
}
