using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Reporting;

/// <summary>
/// One person's week: working days asked (working days not off), answered, skipped, off and missed (asked, neither
/// answered nor skipped). Days after <c>to</c> (today, for the current week) are not counted.
/// </summary>
public sealed record PersonWeek(string PersonId, DateOnly WeekStart, int Asked, int Answered, int Skipped, int Off, int Missed);

/// <summary>
/// Participation per person and week for the reps of a team (or of every team), from the day states in the store
/// (one query for the range, one row per person-day that has a state), counted on each team's calendar.
/// </summary>
public sealed class ParticipationService(IDayStore days)
{
    /// <summary>The longest range one call reads (a quarter and a bit): a bigger one is asked for in parts.</summary>
    public const int MaxDays = 93;

    private readonly IDayStore _days = days ?? throw new ArgumentNullException(nameof(days));

    public async Task<IReadOnlyList<PersonWeek>> WeeksAsync(GoalsModel model, string? teamId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (to < from || to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"The range must hold 1 to {MaxDays} days.");
        }

        var reps = model.People.Where(p => p.Role == Role.Rep && (teamId is null || p.TeamId == teamId)).ToList();
        if (reps.Count == 0)
        {
            return [];
        }

        var history = await _days.HistoryAsync([.. reps.Select(p => p.Id)], from, to, ct).ConfigureAwait(false);
        var states = new Dictionary<(string, DateOnly), DayState>();
        foreach (var day in history)
        {
            states[(day.PersonId, day.Day)] = day.State;
        }

        var weeks = new List<PersonWeek>();
        foreach (var person in reps)
        {
            var team = model.TeamsById[person.TeamId];
            var calendar = WorkCalendar.For(team);
            var week = PeriodWindow.Containing(PeriodKind.Week, from, default, team.WeekStart).Start;
            for (; week <= to; week = week.AddDays(7))
            {
                int asked = 0, answered = 0, skipped = 0, off = 0;
                var first = week < from ? from : week;
                var last = week.AddDays(6) > to ? to : week.AddDays(6);
                foreach (var day in calendar.WorkingDays(first, last))
                {
                    switch (states.GetValueOrDefault((person.Id, day)))
                    {
                        case DayState.Off:
                            off++;
                            continue;
                        case DayState.Answered:
                            answered++;
                            break;
                        case DayState.Skipped:
                            skipped++;
                            break;
                    }

                    asked++;
                }

                weeks.Add(new PersonWeek(person.Id, week, asked, answered, skipped, off, asked - answered - skipped));
            }
        }

        return weeks;
    }
}
