using KpiBot.Core.Scheduling;
using static KpiBot.Core.Tests.Scheduling.ScheduleGoals;

namespace KpiBot.Core.Tests.Scheduling;

public class DailyPromptTests
{
    [Fact]
    public void Due_TokyoTeamAt1730_IsDueAt0830ZForEachRep()
    {
        var due = OccurrencePlanner.Due(Model(), Utc(11, 2, 8, 29), Utc(11, 2, 8, 30));

        Assert.Equal(
            ["DailyPrompt aoki 2026-11-02 2026-11-02T08:30Z", "DailyPrompt baba 2026-11-02 2026-11-02T08:30Z"],
            Lines(due));
    }

    [Fact]
    public void Due_WhenWindowStartsAtThePrompt_LeavesItOut()
    {
        // (from, to]: the dispatcher's previous window already had 08:30Z.
        var due = OccurrencePlanner.Due(Model(), Utc(11, 2, 8, 30), Utc(11, 2, 8, 31));

        Assert.Empty(due);
    }

    [Fact]
    public void Due_PersonInNewYorkInTokyoTeam_IsPromptedAt1730NewYorkOnTheTeamsWorkingDays()
    {
        // Emily's 2 and 4 November at 17:30 EST (UTC−5) = 22:30Z; her 3 November is Japan's Culture Day.
        var due = OccurrencePlanner.Due(Model(), Utc(11, 2, 0), Utc(11, 5, 0))
            .Where(o => o is { RecipientId: "emily", Kind: OccurrenceKind.DailyPrompt });

        Assert.Equal(
            ["DailyPrompt emily 2026-11-02 2026-11-02T22:30Z", "DailyPrompt emily 2026-11-04 2026-11-04T22:30Z"],
            Lines(due));
    }

    [Fact]
    public void Due_OnJapaneseHolidays_NobodyIsPrompted()
    {
        // 22 Nov is a Sunday, 23 Nov Labour Thanksgiving Day (Monday): the first prompts are on Tuesday the 24th.
        var due = OccurrencePlanner.Due(Model(), Utc(11, 22, 0), Utc(11, 25, 0))
            .Where(o => o.Kind == OccurrenceKind.DailyPrompt);

        Assert.Equal(
            [
                "DailyPrompt aoki 2026-11-24 2026-11-24T08:30Z",
                "DailyPrompt baba 2026-11-24 2026-11-24T08:30Z",
                "DailyPrompt emily 2026-11-24 2026-11-24T22:30Z",
            ],
            Lines(due));
    }

    [Fact]
    public void Due_OnTimeOff_NeitherPromptNorReminder()
    {
        var due = OccurrencePlanner.Due(Model(), Utc(11, 4, 0), Utc(11, 4, 12), Off("baba", new DateOnly(2026, 11, 4)));

        Assert.Equal(
            ["DailyPrompt aoki 2026-11-04 2026-11-04T08:30Z", "DailyReminder aoki 2026-11-04 2026-11-04T10:30Z"],
            Lines(due));
    }

    [Fact]
    public void Due_ReminderAfterTwoHours_IsDueAt1030Z()
    {
        var due = OccurrencePlanner.Due(Model(), Utc(11, 2, 8, 30), Utc(11, 2, 10, 30));

        Assert.Equal(
            ["DailyReminder aoki 2026-11-02 2026-11-02T10:30Z", "DailyReminder baba 2026-11-02 2026-11-02T10:30Z"],
            Lines(due));
    }

    [Fact]
    public void Due_WhenReminderIsNone_OnlyPrompts()
    {
        var model = Model([Team(schedule: Schedule(noReminder: true))]);

        var due = OccurrencePlanner.Due(model, Utc(11, 2, 0), Utc(11, 3, 0));

        Assert.Equal(
            [
                "DailyPrompt aoki 2026-11-02 2026-11-02T08:30Z",
                "DailyPrompt baba 2026-11-02 2026-11-02T08:30Z",
                "DailyPrompt emily 2026-11-02 2026-11-02T22:30Z",
            ],
            Lines(due));
    }

    [Fact]
    public void Due_LeadsAndTeamsWithoutDailyKdis_AreNotPrompted()
    {
        var model = Model(daily: false);

        var due = OccurrencePlanner.Due(model, Utc(11, 2, 0), Utc(11, 3, 0));

        Assert.DoesNotContain(due, o => o.RecipientId == "chiba");
        Assert.DoesNotContain(due, o => o.Kind is OccurrenceKind.DailyPrompt or OccurrenceKind.DailyReminder);
    }

    [Fact]
    public void Due_WindowSpanningMidnightUtc_KeysByTheLocalWorkDay()
    {
        // 08:30 JST is 23:30Z the day before. Tokyo's 3 Nov (holiday) would be 2 Nov 23:30Z: skipped;
        // Tokyo's 4 Nov is 3 Nov 23:30Z and is keyed 2026-11-04.
        var model = Model([Team(schedule: Schedule("08:30"))]);

        var due = OccurrencePlanner.Due(model, Utc(11, 2, 23), Utc(11, 4, 1));

        Assert.Equal(
            ["DailyPrompt aoki 2026-11-04 2026-11-03T23:30Z", "DailyPrompt baba 2026-11-04 2026-11-03T23:30Z"],
            Lines(due));
    }

    [Fact]
    public void Due_SeveralZonesInOneTeam_EachAtTheirOwn1730()
    {
        // Tokyo 17:30 JST = 08:30Z; London 17:30 GMT = 17:30Z; New York 17:30 EST = 22:30Z.
        var people = new[] { Rep("aoki"), Rep("lee", zone: "Europe/London"), Rep("emily", zone: "America/New_York") };

        var due = OccurrencePlanner.Due(Model(people: people, weekly: false), Utc(11, 4, 0), Utc(11, 5, 0))
            .Where(o => o.Kind == OccurrenceKind.DailyPrompt);

        Assert.Equal(
            [
                "DailyPrompt aoki 2026-11-04 2026-11-04T08:30Z",
                "DailyPrompt lee 2026-11-04 2026-11-04T17:30Z",
                "DailyPrompt emily 2026-11-04 2026-11-04T22:30Z",
            ],
            Lines(due));
    }

    [Fact]
    public void Due_WhenWindowEndsBeforeItStarts_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OccurrencePlanner.Due(Model(), Utc(11, 2, 1), Utc(11, 2, 0)));
    }
}
