using KpiBot.Core.Goals;

namespace KpiBot.Core.Calendar;

/// <summary>A span of plain dates, both ends included.</summary>
public readonly record struct PeriodWindow(DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public int CalendarDays => End.DayNumber - Start.DayNumber + 1;

    public override string ToString() => $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}";

    /// <summary>
    /// The period of kind <paramref name="kind"/> that contains <paramref name="day"/>. Weeks start on
    /// <paramref name="weekStart"/>; quarters and years follow the fiscal year that starts in
    /// <paramref name="fiscalYearStartMonth"/>; <see cref="PeriodKind.Window"/> is <paramref name="goalWindow"/>.
    /// </summary>
    public static PeriodWindow Containing(
        PeriodKind kind,
        DateOnly day,
        PeriodWindow goalWindow,
        DayOfWeek weekStart = DayOfWeek.Monday,
        int fiscalYearStartMonth = 4)
    {
        switch (kind)
        {
            case PeriodKind.Day:
                return new(day, day);
            case PeriodKind.Week:
                var offset = ((int)day.DayOfWeek - (int)weekStart + 7) % 7;
                var first = day.AddDays(-offset);
                return new(first, first.AddDays(6));
            case PeriodKind.Month:
                var monthStart = new DateOnly(day.Year, day.Month, 1);
                return new(monthStart, monthStart.AddMonths(1).AddDays(-1));
            case PeriodKind.Quarter:
            case PeriodKind.Year:
                var months = kind == PeriodKind.Quarter ? 3 : 12;
                var sinceFiscalStart = ((day.Month - fiscalYearStartMonth) % 12 + 12) % 12;
                var startMonthOffset = sinceFiscalStart / months * months;
                var start = new DateOnly(day.Year, day.Month, 1).AddMonths(startMonthOffset - sinceFiscalStart);
                return new(start, start.AddMonths(months).AddDays(-1));
            case PeriodKind.Window:
                return goalWindow;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
