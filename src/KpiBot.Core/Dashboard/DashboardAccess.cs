using KpiBot.Core.Goals;

namespace KpiBot.Core.Dashboard;

/// <summary>
/// Who may see what on the dashboard, by the same rules as chat: a rep sees their own team's totals and their own
/// page; a lead also sees their team's people (heat map, blockers, who is behind, each person's page); an admin sees
/// every team and person.
/// </summary>
public static class DashboardAccess
{
    /// <summary>The team's tree and goal pages (team totals, no one's individual numbers).</summary>
    public static bool CanSeeTeam(Person viewer, string teamId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Role == Role.Admin || string.Equals(viewer.TeamId, teamId, StringComparison.Ordinal);
    }

    /// <summary>The team's people: participation heat map, open blockers, who is behind.</summary>
    public static bool CanSeeTeamPeople(Person viewer, string teamId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Role == Role.Admin || (viewer.Role == Role.Lead && string.Equals(viewer.TeamId, teamId, StringComparison.Ordinal));
    }

    /// <summary>One person's own numbers, streak and history.</summary>
    public static bool CanSeePerson(Person viewer, Person person)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(person);
        return string.Equals(viewer.Id, person.Id, StringComparison.Ordinal) || CanSeeTeamPeople(viewer, person.TeamId);
    }

    /// <summary>The goals-file import history (who changed the goals, and what): leads and admins.</summary>
    public static bool CanSeeImports(Person viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Role >= Role.Lead;
    }

    /// <summary>The teams the viewer may pick.</summary>
    public static IReadOnlyList<Team> TeamsFor(Person viewer, GoalsModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. model.Teams.Where(t => CanSeeTeam(viewer, t.Id))];
    }
}
