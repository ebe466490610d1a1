using KpiBot.Core.Goals;
using KpiBot.Core.Scheduling;
using static KpiBot.Core.Tests.Scheduling.ScheduleGoals;

namespace KpiBot.Core.Tests.Scheduling;

public class WindowTests
{
    [Fact]
    public void Due_OverHourlyWindows_IsTheSameAsOverOneLongWindow()
    {
        // Three weeks around London's (25 Oct) and New York's (1 Nov) change back, with holidays and time off.
        var model = Model(
            [Team(), Team("london", "Europe/London", "GB")],
            [.. TokyoPeople(), Rep("lee", "london"), Rep("moss", "london", "America/New_York")]);
        var off = new Dictionary<string, IReadOnlySet<DateOnly>>
        {
            ["baba"] = new HashSet<DateOnly> { new(2026, 10, 30), new(2026, 11, 5) },
            ["lee"] = new HashSet<DateOnly> { new(2026, 10, 26) },
        };
        var start = Utc(10, 19, 0);
        var end = Utc(11, 9, 0);

        var whole = Lines(OccurrencePlanner.Due(model, start, end, off));
        var hourly = Enumerable.Range(0, (int)(end - start).TotalHours)
            .SelectMany(h => OccurrencePlanner.Due(model, start.AddHours(h), start.AddHours(h + 1), off))
            .ToList();

        Assert.Equal(whole, Lines(hourly));
        Assert.Equal(hourly.Count, hourly.Select(o => o.Key).Distinct().Count());
        // 14 Japanese working days (19 Oct–6 Nov, 3 Nov off) × 3 people − baba's 2 days off = 40 daily prompts in Tokyo's team.
        Assert.Equal(40, hourly.Count(o => o.Kind == OccurrenceKind.DailyPrompt && model.PeopleById[o.RecipientId].TeamId == "tokyo"));
    }

    [Fact]
    public void Due_CatchUpWindowAfterDowntime_ReturnsEveryMissedOccurrenceOnce()
    {
        // Down from 07:00Z to 11:00Z: (now − 4h, now] holds the 08:30Z prompts and their 10:30Z reminders.
        var now = Utc(11, 2, 11);

        var due = OccurrencePlanner.Due(Model(), now - CheckInSchedule.Default.CatchUp, now);

        Assert.Equal(
            [
                "DailyPrompt aoki 2026-11-02 2026-11-02T08:30Z",
                "DailyPrompt baba 2026-11-02 2026-11-02T08:30Z",
                "DailyReminder aoki 2026-11-02 2026-11-02T10:30Z",
                "DailyReminder baba 2026-11-02 2026-11-02T10:30Z",
            ],
            Lines(due));
    }

    [Fact]
    public void Due_FiftyThousandPeopleInTenZones_OneMinuteHoldsOneZonesPrompts()
    {
        // 17:30 on Wednesday 4 Nov: Tokyo (UTC+9) at 08:30Z, Kolkata (UTC+5:30) at 12:00Z; Sydney (UTC+11 in
        // November) at 06:30Z, so its reminders fall in Tokyo's minute.
        string[] zones =
        [
            "Asia/Tokyo", "Asia/Kolkata", "Europe/London", "America/New_York", "America/Los_Angeles",
            "Europe/Berlin", "Australia/Sydney", "Asia/Singapore", "America/Sao_Paulo", "Asia/Dubai",
        ];
        var people = Enumerable.Range(0, 50_000).Select(i => Rep($"p{i}", zone: zones[i % zones.Length])).ToList();
        var model = Model(people: people, weekly: false);

        var tokyo = OccurrencePlanner.Due(model, Utc(11, 4, 8, 29), Utc(11, 4, 8, 30));
        var kolkata = OccurrencePlanner.Due(model, Utc(11, 4, 11, 59), Utc(11, 4, 12, 0));
        var quiet = OccurrencePlanner.Due(model, Utc(11, 4, 8, 30), Utc(11, 4, 8, 31));

        Assert.Equal(
            [(OccurrenceKind.DailyPrompt, "Asia/Tokyo", 5_000), (OccurrenceKind.DailyReminder, "Australia/Sydney", 5_000)],
            tokyo.GroupBy(o => (o.Kind, model.PeopleById[o.RecipientId].TimeZone)).Select(g => (g.Key.Kind, g.Key.TimeZone!, g.Count())));
        Assert.Equal(5_000, kolkata.Count);
        Assert.All(kolkata, o => Assert.Equal("Asia/Kolkata", model.PeopleById[o.RecipientId].TimeZone));
        Assert.Empty(quiet);
    }

    [Fact]
    public void IsStale_WhenDueLongerAgoThanCatchUp_IsStale()
    {
        var model = Model();
        var prompt = new Occurrence(OccurrenceKind.DailyPrompt, "aoki", new DateOnly(2026, 11, 2), Utc(11, 2, 8, 30));
        var digest = new Occurrence(OccurrenceKind.Digest, "tokyo", new DateOnly(2026, 10, 26), Utc(11, 2, 0));

        Assert.False(OccurrencePlanner.IsStale(model, prompt, Utc(11, 2, 12, 30)));
        Assert.True(OccurrencePlanner.IsStale(model, prompt, Utc(11, 2, 12, 31)));
        Assert.False(OccurrencePlanner.IsStale(model, digest, Utc(11, 2, 4)));
        Assert.True(OccurrencePlanner.IsStale(model, digest, Utc(11, 2, 4, 1)));
        Assert.True(OccurrencePlanner.IsStale(model, prompt with { RecipientId = "gone" }, Utc(11, 2, 8, 31)));
    }
}
