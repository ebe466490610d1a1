using KpiBot.Core.Calendar;
using KpiBot.Core.Dashboard;
using KpiBot.Core.Goals;
using KpiBot.Web.Resources;
using Microsoft.AspNetCore.Mvc;

namespace KpiBot.Web.Dashboard.Pages;

/// <summary>
/// <c>/dashboard/imports</c>: the goals-file import history — when, by whom, which file, and what each import changed
/// (targets with the one they replaced, goals added and archived). Leads and admins, as the nav link.
/// </summary>
public sealed class ImportsModel(IGoalsImportHistory history, DashboardViewer viewers) : DashboardPageModel(viewers)
{
    /// <summary>The page lists this many imports, newest first.</summary>
    public const int Shown = 50;

    public IReadOnlyList<GoalsImportEntry> Imports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!DashboardAccess.CanSeeImports(Viewer.Person))
        {
            return Deny();
        }

        Imports = await history.LatestAsync(Shown, HttpContext.RequestAborted);
        Title = T(nameof(PageText.Imports_Title));
        return Page();
    }

    /// <summary>When, in the viewer's own time zone and language.</summary>
    public string When(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zones.Find(Zones.ZoneOf(Viewer.Person, Viewer.Model))).ToString("g", Culture);

    public string Target(decimal value, PeriodKind period) =>
        F("Per_" + period, value.ToString("#,0.####", Culture));
}
