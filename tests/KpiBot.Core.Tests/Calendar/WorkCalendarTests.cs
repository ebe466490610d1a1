using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Tests.Calendar;

public class WorkCalendarTests
{
    private static readonly WorkCalendar Japan = new(Team.MondayToFriday, "JP");

    [Theory]
    [InlineData("2026-11-03")] // 文化の日 (Tuesday)
    [InlineData("2026-11-23")] // 勤労感謝の日 (Monday)
    [InlineData("2026-05-06")] // 振替休日: 憲法記念日 fell on Sunday, 4th and 5th are holidays already
    [InlineData("2026-09-22")] // 国民の休日 between 敬老の日 (21st) and 秋分の日 (23rd)
    [InlineData("2027-01-01")]
    public void IsWorkingDay_OnJapanesePublicHoliday_IsFalse(string day)
    {
        Assert.True(Japan.IsPublicHoliday(DateOnly.Parse(day)));
        Assert.False(Japan.IsWorkingDay(DateOnly.Parse(day)));
    }

    [Theory]
    [InlineData("2025-09-22")] // 敬老の日 was the 15th: nothing to sandwich
    [InlineData("2026-11-24")] // the day after 勤労感謝の日
    public void IsWorkingDay_NextToAHolidayButNotBetweenTwo_IsTrue(string day)
    {
        Assert.True(Japan.IsWorkingDay(DateOnly.Parse(day)));
    }

    [Fact]
    public void IsWorkingDay_OnOrdinaryWeekdayAndWeekend_FollowsWorkingWeekdays()
    {
        Assert.True(Japan.IsWorkingDay(new DateOnly(2026, 11, 4)));   // Wednesday
        Assert.False(Japan.IsWorkingDay(new DateOnly(2026, 11, 7)));  // Saturday
        Assert.False(Japan.IsWorkingDay(new DateOnly(2026, 11, 8)));  // Sunday
    }

    [Fact]
    public void CountWorkingDays_November2026InJapan_Is19()
    {
        // 30 days − 9 weekend days (Sat 7 14 21 28, Sun 1 8 15 22 29) − 文化の日 − 勤労感謝の日 = 19.
        Assert.Equal(19, Japan.CountWorkingDays(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));
        Assert.Equal(21, WorkCalendar.Weekdays.CountWorkingDays(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void CountWorkingDays_WeekWithCultureDay_IsFour()
    {
        Assert.Equal(
            [new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 6)],
            Japan.WorkingDays(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 8)).ToArray());
    }

    [Fact]
    public void CountWorkingDays_WhenLastIsBeforeFirst_IsZero()
    {
        Assert.Equal(0, Japan.CountWorkingDays(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 9)));
    }

    [Fact]
    public void IsWorkingDay_ExtraHolidaysAndExtraWorkingDays_OverrideTheWeek()
    {
        var calendar = new WorkCalendar(
            Team.MondayToFriday, "JP",
            extraHolidays: new HashSet<DateOnly> { new(2026, 12, 29) },
            extraWorkingDays: new HashSet<DateOnly> { new(2026, 11, 7), new(2026, 11, 3) });

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 29)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 11, 7)));  // a Saturday made a working day
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 11, 3)));  // working on the public holiday
    }

    [Fact]
    public void For_Team_UsesItsWeekdaysAndCountry()
    {
        var team = new Team(
            "t", "T", "Asia/Tokyo", new HashSet<DayOfWeek> { DayOfWeek.Tuesday, DayOfWeek.Saturday }, "JP",
            new HashSet<DateOnly>(), new HashSet<DateOnly>(), []);
        var calendar = WorkCalendar.For(team);

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 3)));  // Tuesday but 文化の日
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 11, 7)));   // Saturday
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 4)));  // Wednesday
    }

    [Fact]
    public void IsPublicHoliday_WithoutCountry_IsFalse()
    {
        Assert.False(WorkCalendar.Weekdays.IsPublicHoliday(new DateOnly(2026, 11, 3)));
        Assert.True(WorkCalendar.Weekdays.IsWorkingDay(new DateOnly(2026, 11, 3)));
    }
}
