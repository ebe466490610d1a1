using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Conversations.Lead;

/// <summary>One rep's local today, whether it is a working day on their team's calendar, and its state.</summary>
internal sealed record RepDay(Person Person, DateOnly Day, bool IsWorkingDay, DayState State);

/// <summary>Where each rep of a team stands today, each in their own zone (one state query per distinct local day).</summary>
internal static class RepDays
{
    public static IEnumerable<Person> RepsOf(GoalsModel model, string? teamId) =>
        (teamId is null ? model.People : model.MembersOf(teamId)).Where(p => p.Role == Role.Rep);

    public static DateOnly LocalToday(Person person, GoalsModel model, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zones.Find(Zones.ZoneOf(person, model))).DateTime);

    public static async Task<IReadOnlyList<RepDay>> TodayAsync(
        GoalsModel model, IReadOnlyList<Person> reps, DateTimeOffset now, IDayStore days, CancellationToken ct)
    {
        var calendars = new Dictionary<string, WorkCalendar>(StringComparer.Ordinal);
        var local = reps.Select(p => (Person: p, Day: LocalToday(p, model, now))).ToList();
        var states = new Dictionary<string, DayState>(StringComparer.Ordinal);
        foreach (var group in local.GroupBy(l => l.Day))
        {
            var found = await days.StatesAsync([.. group.Select(g => g.Person.Id)], group.Key, ct).ConfigureAwait(false);
            foreach (var (id, state) in found)
            {
                states[id] = state;
            }
        }

        return
        [
            .. local.Select(l =>
            {
                if (!calendars.TryGetValue(l.Person.TeamId, out var calendar))
                {
                    calendar = WorkCalendar.For(model.TeamsById[l.Person.TeamId]);
                    calendars.Add(l.Person.TeamId, calendar);
                }

                return new RepDay(l.Person, l.Day, calendar.IsWorkingDay(l.Day), states.GetValueOrDefault(l.Person.Id));
            }),
        ];
    }

    /// <summary>
    /// The days off that can matter to a rollup as of <paramref name="asOf"/>: any in the goals' windows (time off
    /// later in a window lowers that window's target too).
    /// </summary>
    public static Task<IReadOnlyDictionary<string, IReadOnlySet<DateOnly>>> TimeOffAsync(
        GoalsModel model, IReadOnlyCollection<string> personIds, DateOnly asOf, IDayStore days, CancellationToken ct)
    {
        var from = model.Kgis.Select(k => k.Start).Append(asOf).Min();
        var to = model.Kgis.Select(k => k.Deadline).Concat(model.Kpis.Where(k => k.End is not null).Select(k => k.End!.Value)).Append(asOf).Max();
        return days.TimeOffAsync(personIds, from, to, ct);
    }
}
