using KpiBot.Core.Dashboard;
using KpiBot.Core.Goals;
using Microsoft.AspNetCore.Mvc;

namespace KpiBot.Web.Dashboard.Pages;

/// <summary><c>/dashboard/teams/{team}?period=&amp;asOf=</c>: the team's goal tree with bars, status, pace and forecast.</summary>
public sealed class TreeModel(TreePageBuilder builder, DashboardViewer viewers) : DashboardPageModel(viewers)
{
    public TreePageView? View { get; private set; }

    public IReadOnlyList<Team> Teams { get; private set; } = [];

    public string Query { get; private set; } = string.Empty;

    /// <summary>The goal page of a node, for the same period and day.</summary>
    public string QueryFor(string nodeId) => "/goals/" + Uri.EscapeDataString(nodeId) + Query;

    public async Task<IActionResult> OnGetAsync(string teamId, string? team, string? period, DateOnly? asOf)
    {
        if (!string.IsNullOrEmpty(team) && team != teamId)
        {
            // The form's team choice: the same page of the chosen team.
            return Redirect(DashboardAuth.BasePath + "/teams/" + Uri.EscapeDataString(team) + Periods.Query(Periods.Parse(period), asOf ?? Viewer.Today, Viewer.Today));
        }

        if (!Viewer.Model.TeamsById.TryGetValue(teamId, out var chosen))
        {
            return Viewer.Person.Role == Role.Admin ? NotFound() : Deny();
        }

        if (!DashboardAccess.CanSeeTeam(Viewer.Person, chosen.Id))
        {
            return Deny();
        }

        var kind = Periods.Parse(period);
        var day = asOf ?? Viewer.Today;
        View = await builder.BuildAsync(Viewer.Model, chosen, kind, day, Culture, HttpContext.RequestAborted);
        Teams = DashboardAccess.TeamsFor(Viewer.Person, Viewer.Model);
        Query = Periods.Query(kind, day, Viewer.Today);
        Title = F(nameof(Resources.PageText.Tree_Title), chosen.Name);
        return Page();
    }
}
