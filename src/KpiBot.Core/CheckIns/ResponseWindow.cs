using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;

namespace KpiBot.Core.CheckIns;

/// <summary>
/// How long a card stays open in chat: until the team's <c>checkin.response_window</c>-th working day after the
/// card's day (a weekly card counts from its week's last day, so the whole week is open and a few days after).
/// With the default of 3, Friday's card can be answered or changed until Wednesday; from Thursday it is closed
/// to everyone in chat, and an admin enters it with <c>kpibot checkin add</c>.
/// </summary>
public static class ResponseWindow
{
    /// <summary>The last day (the person's local day) on which the card for <paramref name="cardDay"/> is open.</summary>
    public static DateOnly LastOpenDay(GoalsModel model, Person person, KdiCadence cadence, DateOnly cardDay)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(person);
        var team = model.TeamsById.GetValueOrDefault(person.TeamId);
        var calendar = team is null ? WorkCalendar.Weekdays : WorkCalendar.For(team);
        var left = (team?.ScheduleOrDefault ?? CheckInSchedule.Default).ResponseWindow;
        var day = cadence == KdiCadence.Weekly ? cardDay.AddDays(6) : cardDay;
        while (left > 0)
        {
            day = day.AddDays(1);
            left -= calendar.IsWorkingDay(day) ? 1 : 0;
        }

        return day;
    }

    /// <summary>Whether the card for <paramref name="cardDay"/> may still be answered or changed on <paramref name="today"/>.</summary>
    public static bool IsOpen(GoalsModel model, Person person, KdiCadence cadence, DateOnly cardDay, DateOnly today) =>
        today <= LastOpenDay(model, person, cadence, cardDay);
}
