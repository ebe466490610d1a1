using System.Globalization;
using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Dashboard;

/// <summary>One person's page: their part of each goal they work on, their streak, and their last four weeks.</summary>
public sealed record PersonPageView(Person Person, Team Team, DateOnly AsOf, IReadOnlyList<TreeRow> Rows, int Streak, IReadOnlyList<DateOnly> Days, HeatRow Heat);

/// <summary>
/// Builds a person's page from the team's rollup (their own figures on each KDI and KPI they feed, as <c>me</c>
/// shows them) and their day states (one read of at most <see cref="StreakDays"/> days).
/// </summary>
public sealed class PersonPageBuilder(TreePageBuilder tree, IDayStore days)
{
    /// <summary>How far back a streak is counted.</summary>
    public const int StreakDays = 92;

    private readonly TreePageBuilder _tree = tree ?? throw new ArgumentNullException(nameof(tree));
    private readonly IDayStore _days = days ?? throw new ArgumentNullException(nameof(days));

    public async Task<PersonPageView> BuildAsync(GoalsModel model, Person person, DateOnly asOf, DateOnly today, CultureInfo culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(person);
        var team = model.TeamsById[person.TeamId];
        var report = await _tree.ReportAsync(model, team, null, asOf, ct).ConfigureAwait(false);
        var rows = report.ForPerson(person.Id).Select(f => TreePageBuilder.Row(f.Node, f.Figures, 0, culture)).ToList();

        var (first, last) = TeamPageBuilder.Range(team, asOf, today);
        var from = last.AddDays(-StreakDays) < first ? last.AddDays(-StreakDays) : first;
        var states = new Dictionary<(string, DateOnly), DayState>();
        foreach (var day in await _days.HistoryAsync([person.Id], from, last, ct).ConfigureAwait(false))
        {
            states[(day.PersonId, day.Day)] = day.State;
        }

        var calendar = WorkCalendar.For(team);
        var shown = calendar.WorkingDays(first, last).ToList();
        var heat = TeamPageBuilder.Row(person, shown, states, today);
        return new PersonPageView(person, team, asOf, rows, Streak(person, calendar.WorkingDays(from, last).Reverse(), states, today), shown, heat);
    }

    /// <summary>Working days answered in a row up to the last one (days off neither count nor break it; today unanswered does not break it).</summary>
    private static int Streak(Person person, IEnumerable<DateOnly> newestFirst, Dictionary<(string, DateOnly), DayState> states, DateOnly today)
    {
        var streak = 0;
        foreach (var day in newestFirst)
        {
            switch (states.GetValueOrDefault((person.Id, day)))
            {
                case DayState.Answered:
                    streak++;
                    break;
                case DayState.Off:
                    break;
                case DayState.None when day >= today:
                    break;
                default:
                    return streak;
            }
        }

        return streak;
    }
}
