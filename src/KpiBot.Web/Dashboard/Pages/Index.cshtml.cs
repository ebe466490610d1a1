using Microsoft.AspNetCore.Mvc;

namespace KpiBot.Web.Dashboard.Pages;

/// <summary><c>/dashboard</c>: the viewer's own team's tree.</summary>
public sealed class IndexModel(DashboardViewer viewers) : DashboardPageModel(viewers)
{
    public IActionResult OnGet() => Redirect(DashboardAuth.BasePath + "/teams/" + Uri.EscapeDataString(Viewer.Person.TeamId));
}
