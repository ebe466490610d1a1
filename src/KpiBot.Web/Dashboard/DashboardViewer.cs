using System.Globalization;
using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;
using Microsoft.AspNetCore.Http;

namespace KpiBot.Web.Dashboard;

/// <summary>The signed-in person as of this request: their current goals entry, language and local today.</summary>
public sealed record Viewer(Person Person, GoalsModel Model, CultureInfo Culture, DateOnly Today);

/// <summary>Resolves the session's person against the current goals (a person removed from the file has no session).</summary>
public sealed class DashboardViewer(IGoalsProvider goals, TimeProvider time)
{
    private Viewer? _viewer;

    public async Task<Viewer?> GetAsync(HttpContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_viewer is not null)
        {
            return _viewer;
        }

        if (DashboardAuth.PersonId(context.User) is not { } personId
            || await goals.CurrentAsync(ct).ConfigureAwait(false) is not { } model
            || !model.PeopleById.TryGetValue(personId, out var person))
        {
            return null;
        }

        _viewer = new Viewer(person, model, Languages.For(person, model), Zones.Today(Zones.ZoneOf(person, model), time));
        return _viewer;
    }
}
