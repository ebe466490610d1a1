using KpiBot.Core.Goals;
using KpiBot.Core.Scheduling;
using static KpiBot.Core.Tests.Scheduling.ScheduleGoals;

namespace KpiBot.Core.Tests.Scheduling;

public class PromptForTests
{
    private static readonly GoalsModel Goals = Model();

    [Fact]
    public void PromptFor_DailyOnAWorkingDay_IsTheScheduledOccurrence()
    {
        var emily = Goals.PeopleById["emily"];

        var prompt = OccurrencePlanner.PromptFor(Goals, emily, new DateOnly(2026, 11, 2), KdiCadence.Daily);

        var scheduled = OccurrencePlanner.Due(Goals, Utc(11, 2, 0), Utc(11, 3, 0)).Single(o => o.RecipientId == "emily");
        Assert.Equal(scheduled, prompt);
        Assert.Equal("DailyPrompt:emily:2026-11-02", prompt!.Key);
    }

    [Fact]
    public void PromptFor_OnAHoliday_IsNull()
    {
        Assert.Null(OccurrencePlanner.PromptFor(Goals, Goals.PeopleById["aoki"], new DateOnly(2026, 11, 3), KdiCadence.Daily));
    }

    [Fact]
    public void PromptFor_ALeadOrACadenceWithoutKdis_IsNull()
    {
        var dailyOnly = Model(weekly: false);

        Assert.Null(OccurrencePlanner.PromptFor(Goals, Goals.PeopleById["chiba"], new DateOnly(2026, 11, 2), KdiCadence.Daily));
        Assert.Null(OccurrencePlanner.PromptFor(dailyOnly, dailyOnly.PeopleById["aoki"], new DateOnly(2026, 11, 2), KdiCadence.Weekly));
    }

    [Fact]
    public void PromptFor_WeeklyOnAnyDayOfTheWeek_IsKeyedByTheWeeksFirstDay()
    {
        // Week of 16 March 2026: Friday the 20th is a holiday, so Thursday 19th 16:00 JST = 07:00Z.
        var prompt = OccurrencePlanner.PromptFor(Goals, Goals.PeopleById["aoki"], new DateOnly(2026, 3, 21), KdiCadence.Weekly);

        Assert.Equal(["WeeklyPrompt aoki 2026-03-16 2026-03-19T07:00Z"], Lines([prompt!]));
    }

    [Fact]
    public void ReminderFor_APrompt_IsDueReminderAfterLaterWithTheSameWorkDay()
    {
        var aoki = Goals.PeopleById["aoki"];
        var daily = OccurrencePlanner.PromptFor(Goals, aoki, new DateOnly(2026, 11, 2), KdiCadence.Daily)!;
        var weekly = OccurrencePlanner.PromptFor(Goals, aoki, new DateOnly(2026, 11, 2), KdiCadence.Weekly)!;

        Assert.Equal(
            ["DailyReminder aoki 2026-11-02 2026-11-02T10:30Z", "WeeklyReminder aoki 2026-11-02 2026-11-06T09:00Z"],
            Lines([OccurrencePlanner.ReminderFor(Goals, aoki, daily), OccurrencePlanner.ReminderFor(Goals, aoki, weekly)]));
    }

    [Fact]
    public void ReminderFor_WhenTeamSendsNoReminders_Throws()
    {
        var model = Model([Team(schedule: Schedule(noReminder: true))]);
        var aoki = model.PeopleById["aoki"];
        var prompt = OccurrencePlanner.PromptFor(model, aoki, new DateOnly(2026, 11, 2), KdiCadence.Daily)!;

        Assert.Throws<InvalidOperationException>(() => OccurrencePlanner.ReminderFor(model, aoki, prompt));
    }

    [Fact]
    public void ReminderFor_ADigestOrSomeoneElsesPrompt_IsRefused()
    {
        var aoki = Goals.PeopleById["aoki"];
        var digest = new Occurrence(OccurrenceKind.Digest, "tokyo", new DateOnly(2026, 11, 2), Utc(11, 9, 0));
        var babasPrompt = OccurrencePlanner.PromptFor(Goals, Goals.PeopleById["baba"], new DateOnly(2026, 11, 2), KdiCadence.Daily)!;

        Assert.Throws<ArgumentException>(() => OccurrencePlanner.ReminderFor(Goals, aoki, digest));
        Assert.Throws<ArgumentException>(() => OccurrencePlanner.ReminderFor(Goals, aoki, babasPrompt));
    }
}
