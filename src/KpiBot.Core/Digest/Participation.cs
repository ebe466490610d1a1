using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;

namespace KpiBot.Core.Digest;

/// <summary>Answered ÷ asked working days (skip = asked, unanswered; off = not asked).</summary>
public sealed record ParticipationFigures(int Answered, int Asked)
{
    /// <summary>Answered ÷ asked × 100; null when nobody was asked.</summary>
    public decimal? Percent => Asked == 0 ? null : Answered * 100m / Asked;
}

/// <summary>Participation and answer streaks from day states, by the team calendar. Pure.</summary>
public static class Participation
{
    /// <summary>
    /// Over <paramref name="first"/>..<paramref name="last"/>: each working day of each person is asked unless they
    /// are off; it is answered when something was recorded. A skipped or missed day is asked and not answered.
    /// </summary>
    public static ParticipationFigures Of(
        IReadOnlyCollection<string> personIds, IReadOnlyList<PersonDay> history, WorkCalendar calendar, DateOnly first, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(calendar);
        var states = Index(history);
        int answered = 0, asked = 0;
        foreach (var person in personIds)
        {
            foreach (var day in calendar.WorkingDays(first, last))
            {
                var state = states.GetValueOrDefault((person, day));
                if (state == DayState.Off)
                {
                    continue;
                }

                asked++;
                answered += state == DayState.Answered ? 1 : 0;
            }
        }

        return new ParticipationFigures(answered, asked);
    }

    /// <summary>
    /// One person's (<paramref name="personHistory"/> holds only their days) consecutive answered working days ending at <paramref name="last"/>, walking back to <paramref name="first"/>:
    /// days off are passed over, a skipped or missed day ends the streak. When <paramref name="last"/> is today and not
    /// answered yet, the streak is counted from the day before (today is not over).
    /// </summary>
    public static int Streak(
        IEnumerable<PersonDay> personHistory, WorkCalendar calendar, DateOnly first, DateOnly last, bool lastIsToday)
    {
        ArgumentNullException.ThrowIfNull(personHistory);
        ArgumentNullException.ThrowIfNull(calendar);
        var states = personHistory.GroupBy(h => h.Day).ToDictionary(g => g.Key, g => g.Last().State);
        var streak = 0;
        for (var day = last; day >= first; day = day.AddDays(-1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            var state = states.GetValueOrDefault(day);
            if (state == DayState.Answered)
            {
                streak++;
            }
            else if (state != DayState.Off && !(lastIsToday && day == last && state == DayState.None))
            {
                break;
            }
        }

        return streak;
    }

    /// <summary>
    /// One person's (<paramref name="personHistory"/> holds only their days) working days in
    /// <paramref name="first"/>..<paramref name="last"/> with no answer, no skip and no time off — the days they
    /// did not answer. When <paramref name="last"/> is today it is left out (today is not over).
    /// </summary>
    public static IReadOnlyList<DateOnly> Missed(
        IEnumerable<PersonDay> personHistory, WorkCalendar calendar, DateOnly first, DateOnly last, bool lastIsToday)
    {
        ArgumentNullException.ThrowIfNull(personHistory);
        ArgumentNullException.ThrowIfNull(calendar);
        var known = personHistory.Select(h => h.Day).ToHashSet();
        var end = lastIsToday ? last.AddDays(-1) : last;
        return end < first ? [] : calendar.WorkingDays(first, end).Where(d => !known.Contains(d)).ToList();
    }

    private static Dictionary<(string, DateOnly), DayState> Index(IEnumerable<PersonDay> history)
    {
        var index = new Dictionary<(string, DateOnly), DayState>();
        foreach (var day in history)
        {
            index[(day.PersonId, day.Day)] = day.State;
        }

        return index;
    }
}
