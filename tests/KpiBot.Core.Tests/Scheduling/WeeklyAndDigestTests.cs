using KpiBot.Core.Goals;
using KpiBot.Core.Scheduling;
using static KpiBot.Core.Tests.Scheduling.ScheduleGoals;

namespace KpiBot.Core.Tests.Scheduling;

public class WeeklyAndDigestTests
{
    [Fact]
    public void Due_WeeklyOnFriday1600_IsKeyedByTheWeeksMonday()
    {
        // Friday 6 Nov 16:00 JST = 07:00Z; reminder 2 h later.
        var due = OccurrencePlanner.Due(Model(daily: false), Utc(11, 6, 6), Utc(11, 6, 9));

        Assert.Equal(
            [
                "WeeklyPrompt aoki 2026-11-02 2026-11-06T07:00Z",
                "WeeklyPrompt baba 2026-11-02 2026-11-06T07:00Z",
                "WeeklyReminder aoki 2026-11-02 2026-11-06T09:00Z",
                "WeeklyReminder baba 2026-11-02 2026-11-06T09:00Z",
            ],
            Lines(due));
    }

    [Fact]
    public void Due_WeeklyOnAHolidayFriday_MovesToThursday()
    {
        // Friday 20 March 2026 is the Vernal Equinox Day: Thursday 19 March 16:00 JST = 07:00Z;
        // emily's 16:00 EDT (New York is on summer time since 8 March) = 20:00Z.
        var due = OccurrencePlanner.Due(Model(daily: false), Utc(3, 16, 0), Utc(3, 23, 0))
            .Where(o => o.Kind == OccurrenceKind.WeeklyPrompt);

        Assert.Equal(
            [
                "WeeklyPrompt aoki 2026-03-16 2026-03-19T07:00Z",
                "WeeklyPrompt baba 2026-03-16 2026-03-19T07:00Z",
                "WeeklyPrompt emily 2026-03-16 2026-03-19T20:00Z",
            ],
            Lines(due));
    }

    [Fact]
    public void Due_WeeklyWhenPersonIsOffOnTheWeeklyDay_MovesTheirsToTheDayBefore()
    {
        var off = Off("baba", new DateOnly(2026, 11, 6));

        var week = OccurrencePlanner.Due(Model(daily: false), Utc(11, 5, 0), Utc(11, 7, 0), off)
            .Where(o => o.Kind == OccurrenceKind.WeeklyPrompt);
        var thursdayOnly = OccurrencePlanner.Due(Model(daily: false), Utc(11, 5, 6), Utc(11, 5, 8), off);

        Assert.Equal(
            [
                "WeeklyPrompt baba 2026-11-02 2026-11-05T07:00Z",
                "WeeklyPrompt aoki 2026-11-02 2026-11-06T07:00Z",
                "WeeklyPrompt emily 2026-11-02 2026-11-06T21:00Z",
            ],
            Lines(week));
        Assert.Equal(["WeeklyPrompt baba 2026-11-02 2026-11-05T07:00Z"], Lines(thursdayOnly));
    }

    [Fact]
    public void Due_WeeklyWhenTheWeekHasNoWorkingDayUpToTheWeeklyDay_TakesTheFirstOneAfter()
    {
        // Weekly day Monday; 23 Nov 2026 (Monday) is a holiday: Tuesday 24 Nov 16:00 JST = 07:00Z.
        var model = Model([Team(schedule: CheckInSchedule.Default with { WeeklyDay = DayOfWeek.Monday })], [Rep("aoki")], daily: false);

        var due = OccurrencePlanner.Due(model, Utc(11, 23, 0), Utc(11, 30, 0)).Where(o => o.Kind == OccurrenceKind.WeeklyPrompt);

        Assert.Equal(["WeeklyPrompt aoki 2026-11-23 2026-11-24T07:00Z"], Lines(due));
    }

    [Fact]
    public void Due_DigestOnMonday0900_ReportsTheWeekThatJustEnded()
    {
        // Monday 9 Nov 09:00 JST = 00:00Z; the last full week before it is 2–8 November.
        var due = OccurrencePlanner.Due(Model(), Utc(11, 8, 23), Utc(11, 9, 1));

        Assert.Equal(["Digest tokyo 2026-11-02 2026-11-09T00:00Z"], Lines(due));
    }

    [Fact]
    public void Due_DigestOnFriday_ReportsTheLastFullWeekNotTheCurrentOne()
    {
        // Friday 13 Nov 17:00 JST = 08:00Z; the week of 9 Nov is not over, so it reports 2–8 November.
        var schedule = CheckInSchedule.Default with { DigestDay = DayOfWeek.Friday, DigestAt = new TimeOnly(17, 0) };

        var due = OccurrencePlanner.Due(Model([Team(schedule: schedule)]), Utc(11, 13, 7), Utc(11, 13, 8))
            .Where(o => o.Kind == OccurrenceKind.Digest);

        Assert.Equal(["Digest tokyo 2026-11-02 2026-11-13T08:00Z"], Lines(due));
    }

    [Fact]
    public void Due_DigestOfATeamWhoseWeekStartsOnSunday_IsKeyedBySunday()
    {
        // Weeks from Sunday: Monday 9 Nov falls in the week of Sunday 8 Nov, so the last full week is 1–7 Nov.
        var model = Model([Team(weekStart: DayOfWeek.Sunday)]);

        var due = OccurrencePlanner.Due(model, Utc(11, 8, 23), Utc(11, 9, 1));

        Assert.Equal(["Digest tokyo 2026-11-01 2026-11-09T00:00Z"], Lines(due));
    }

    [Fact]
    public void Due_DigestFollowsTheTeamsZoneNotItsMembers()
    {
        // A New York team's Monday 09:00 EST = 14:00Z, whoever is in it.
        var model = Model([Team("ny", "America/New_York", "US")], [Rep("aoki", "ny", "Asia/Tokyo")]);

        var due = OccurrencePlanner.Due(model, Utc(11, 9, 0), Utc(11, 10, 0)).Where(o => o.Kind == OccurrenceKind.Digest);

        Assert.Equal(["Digest ny 2026-11-02 2026-11-09T14:00Z"], Lines(due));
    }
}
