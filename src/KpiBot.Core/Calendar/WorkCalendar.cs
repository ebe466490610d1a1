using System.Collections.Concurrent;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Calendar;

/// <summary>
/// Which plain dates are working days for a team: its working weekdays, minus the public holidays of
/// its country and its extra holidays, plus its extra working days. Personal time off is applied on top
/// by the callers that know it. Immutable and safe to share; holidays are computed once per year.
/// </summary>
public sealed class WorkCalendar
{
    private readonly IReadOnlySet<DayOfWeek> _workingDays;
    private readonly string? _country;
    private readonly IReadOnlySet<DateOnly> _extraHolidays;
    private readonly IReadOnlySet<DateOnly> _extraWorkingDays;
    private readonly ConcurrentDictionary<int, IReadOnlySet<DateOnly>> _holidaysByYear = new();

    public WorkCalendar(
        IReadOnlySet<DayOfWeek> workingDays,
        string? holidayCountry = null,
        IReadOnlySet<DateOnly>? extraHolidays = null,
        IReadOnlySet<DateOnly>? extraWorkingDays = null)
    {
        _workingDays = workingDays;
        _country = string.IsNullOrWhiteSpace(holidayCountry) ? null : holidayCountry;
        _extraHolidays = extraHolidays ?? new HashSet<DateOnly>();
        _extraWorkingDays = extraWorkingDays ?? new HashSet<DateOnly>();
    }

    public static WorkCalendar For(Team team) =>
        new(team.WorkingDays, team.HolidayCountry, team.ExtraHolidays, team.ExtraWorkingDays);

    /// <summary>Monday to Friday with no holidays.</summary>
    public static WorkCalendar Weekdays { get; } = new(Team.MondayToFriday);

    public bool IsPublicHoliday(DateOnly day) =>
        _country is not null && _holidaysByYear.GetOrAdd(day.Year, y => HolidayCalendars.For(_country, y)).Contains(day);

    public bool IsWorkingDay(DateOnly day)
    {
        if (_extraWorkingDays.Contains(day))
        {
            return true;
        }

        return _workingDays.Contains(day.DayOfWeek) && !_extraHolidays.Contains(day) && !IsPublicHoliday(day);
    }

    /// <summary>Working days from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public IEnumerable<DateOnly> WorkingDays(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                yield return day;
            }
        }
    }

    /// <summary>How many working days lie from <paramref name="first"/> to <paramref name="last"/>, both included (0 when last &lt; first).</summary>
    public int CountWorkingDays(DateOnly first, DateOnly last) => WorkingDays(first, last).Count();
}
