using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Digest;

namespace KpiBot.Core.Tests.Lead;

public class ParticipationTests
{
    private static readonly WorkCalendar Calendar = new(KpiBot.Core.Goals.Team.MondayToFriday, "JP");
    private static readonly DateOnly Mon9 = new(2026, 11, 9);
    private static readonly DateOnly Tue10 = new(2026, 11, 10);

    [Fact]
    public void Streak_WhenTodayIsNotAnsweredYet_CountsFromYesterday_ButAClosedDayUnansweredEndsIt()
    {
        PersonDay[] history = [new("a", new DateOnly(2026, 11, 6), DayState.Answered), new("a", Mon9, DayState.Answered)];

        Assert.Equal(2, Participation.Streak(history, Calendar, new DateOnly(2026, 10, 1), Tue10, lastIsToday: true));
        Assert.Equal(0, Participation.Streak(history, Calendar, new DateOnly(2026, 10, 1), Tue10, lastIsToday: false));
    }

    [Fact]
    public void Streak_PassesOverDaysOff_AndStopsAtASkip()
    {
        PersonDay[] history =
        [
            new("a", new DateOnly(2026, 11, 4), DayState.Skipped),
            new("a", new DateOnly(2026, 11, 5), DayState.Answered),
            new("a", new DateOnly(2026, 11, 6), DayState.Off),
            new("a", Mon9, DayState.Answered),
        ];

        Assert.Equal(2, Participation.Streak(history, Calendar, new DateOnly(2026, 10, 1), Mon9, lastIsToday: false));
    }

    [Fact]
    public void Of_CountsSkipsAsAsked_DaysOffAsNotAsked_AndHolidaysNotAtAll()
    {
        // 2–6 November: working days 2, 4, 5, 6 (the 3rd is a holiday).
        PersonDay[] history =
        [
            new("a", new DateOnly(2026, 11, 2), DayState.Answered),
            new("a", new DateOnly(2026, 11, 3), DayState.Answered),
            new("a", new DateOnly(2026, 11, 4), DayState.Skipped),
            new("a", new DateOnly(2026, 11, 5), DayState.Off),
        ];

        var figures = Participation.Of(["a"], history, Calendar, new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 6));

        Assert.Equal(new ParticipationFigures(1, 3), figures);
        Assert.Equal(100m / 3m, figures.Percent);
    }
}
