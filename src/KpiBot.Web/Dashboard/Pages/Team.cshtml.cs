using KpiBot.Core.Dashboard;
using KpiBot.Core.Goals;
using KpiBot.Web.Resources;
using Microsoft.AspNetCore.Mvc;

namespace KpiBot.Web.Dashboard.Pages;

/// <summary>
/// <c>/dashboard/teams/{team}/people?asOf=</c>: the team's people for its lead (and admins): the participation heat map
/// (people × working days: answered / skipped / off / missed), open blockers, and who is behind.
/// </summary>
public sealed class TeamModel(TeamPageBuilder builder, DashboardViewer viewers) : DashboardPageModel(viewers)
{
    public TeamPageView? View { get; private set; }

    public IReadOnlyList<Team> Teams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string teamId, string? team, DateOnly? asOf)
    {
        if (!string.IsNullOrEmpty(team) && team != teamId)
        {
            var day = asOf ?? Viewer.Today;
            return Redirect(DashboardAuth.BasePath + "/teams/" + Uri.EscapeDataString(team) + "/people" + Periods.Query(null, day, Viewer.Today));
        }

        if (!Viewer.Model.TeamsById.TryGetValue(teamId, out var chosen))
        {
            return Viewer.Person.Role == Role.Admin ? Missing() : Deny();
        }

        if (!DashboardAccess.CanSeeTeamPeople(Viewer.Person, chosen.Id))
        {
            return Deny();
        }

        View = await builder.BuildAsync(Viewer.Model, chosen, asOf ?? Viewer.Today, Viewer.Today, Culture, HttpContext.RequestAborted);
        Teams = [.. Viewer.Model.Teams.Where(t => DashboardAccess.CanSeeTeamPeople(Viewer.Person, t.Id))];
        Title = F(nameof(PageText.Team_Title), chosen.Name);
        return Page();
    }

    public string StateText(HeatState state) => T("Heat_" + state);

    /// <summary>What a cell shows besides its colour (for readers who do not tell colours apart).</summary>
    public static string Mark(HeatState state) => state switch
    {
        HeatState.Answered => "✓",
        HeatState.Skipped => "–",
        HeatState.Missed => "×",
        _ => string.Empty,
    };
}
