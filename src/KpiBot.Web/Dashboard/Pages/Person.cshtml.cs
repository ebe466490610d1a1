using KpiBot.Core.Dashboard;
using KpiBot.Core.Goals;
using KpiBot.Web.Resources;
using Microsoft.AspNetCore.Mvc;

namespace KpiBot.Web.Dashboard.Pages;

/// <summary><c>/dashboard/people/{person}?asOf=</c>: one person's own numbers, streak and last four weeks — for them, their lead and admins.</summary>
public sealed class PersonModel(PersonPageBuilder builder, DashboardViewer viewers) : DashboardPageModel(viewers)
{
    public PersonPageView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string personId, DateOnly? asOf)
    {
        if (!Viewer.Model.PeopleById.TryGetValue(personId, out var person))
        {
            return Viewer.Person.Role == Role.Admin ? Missing() : Deny();
        }

        if (!DashboardAccess.CanSeePerson(Viewer.Person, person))
        {
            return Deny();
        }

        View = await builder.BuildAsync(Viewer.Model, person, asOf ?? Viewer.Today, Viewer.Today, Culture, HttpContext.RequestAborted);
        Title = person.DisplayName;
        return Page();
    }

    public string StateText(HeatState state) => T("Heat_" + state);
}
