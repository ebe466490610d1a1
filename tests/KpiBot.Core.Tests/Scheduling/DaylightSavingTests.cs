using KpiBot.Core.Goals;
using KpiBot.Core.Scheduling;
using static KpiBot.Core.Tests.Scheduling.ScheduleGoals;

namespace KpiBot.Core.Tests.Scheduling;

/// <summary>
/// The days the clocks change in 2026: New York 8 March (02:00 → 03:00) and 1 November (02:00 → 01:00);
/// London 29 March (01:00 → 02:00) and 25 October (02:00 → 01:00). The teams work every day, so each of
/// these days is a working day.
/// </summary>
public class DaylightSavingTests
{
    private static readonly IReadOnlySet<DayOfWeek> EveryDay = Enum.GetValues<DayOfWeek>().ToHashSet();

    [Theory]
    [InlineData("America/New_York", "2026-03-08", "17:30", "2026-03-08T21:30Z")] // EDT, UTC−4
    [InlineData("America/New_York", "2026-03-08", "02:30", "2026-03-08T07:30Z")] // does not exist: 03:30 EDT
    [InlineData("America/New_York", "2026-11-01", "17:30", "2026-11-01T22:30Z")] // EST, UTC−5
    [InlineData("America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30Z")] // twice: the first, 01:30 EDT
    [InlineData("Europe/London", "2026-03-29", "17:30", "2026-03-29T16:30Z")] // BST, UTC+1
    [InlineData("Europe/London", "2026-03-29", "01:30", "2026-03-29T01:30Z")] // does not exist: 02:30 BST
    [InlineData("Europe/London", "2026-10-25", "17:30", "2026-10-25T17:30Z")] // GMT
    [InlineData("Europe/London", "2026-10-25", "01:30", "2026-10-25T00:30Z")] // twice: the first, 01:30 BST
    public void Due_OnTheDayTheClocksChange_EachPersonGetsExactlyOnePromptAtTheRightTime(
        string zone, string date, string dailyAt, string expected)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var model = DstModel(zone, dailyAt);
        var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        // A window reaching well beyond the local day on both sides, cut to the prompts of that work day.
        var due = OccurrencePlanner.Due(model, midnight.AddHours(-14), midnight.AddHours(38))
            .Where(o => o.Kind == OccurrenceKind.DailyPrompt && o.WorkDay == day);

        Assert.Equal([$"DailyPrompt rep {date} {expected}"], Lines(due));
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-08", "02:30")]
    [InlineData("America/New_York", "2026-11-01", "01:30")]
    [InlineData("Europe/London", "2026-03-29", "01:30")]
    [InlineData("Europe/London", "2026-10-25", "01:30")]
    [InlineData("Europe/London", "2026-10-25", "17:30")]
    public void Due_WindowSpanningTheChange_HasOnePromptPerDayAtTheLocalTimeAround(string zone, string date, string dailyAt)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var model = DstModel(zone, dailyAt);
        var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var tz = KpiBot.Core.Calendar.Zones.Find(zone);

        var due = OccurrencePlanner.Due(model, midnight.AddDays(-3), midnight.AddDays(3))
            .Where(o => o.Kind == OccurrenceKind.DailyPrompt).ToList();

        var days = due.Select(o => o.WorkDay).ToList();
        Assert.Equal(days.Distinct().Count(), days.Count);
        Assert.Equal(Enumerable.Range(-2, 5).Select(day.AddDays), days.Where(d => Math.Abs(d.DayNumber - day.DayNumber) <= 2));
        var at = TimeOnly.Parse(dailyAt, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var other in due.Where(o => o.WorkDay != day))
        {
            var local = TimeZoneInfo.ConvertTime(other.DueAtUtc, tz);
            Assert.Equal((other.WorkDay, at), (DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime)));
        }
    }

    [Fact]
    public void Due_ReminderOnTheFallBackDay_IsTwoRealHoursAfterThePrompt()
    {
        // Prompt 00:30 EDT = 04:30Z; two hours later is 06:30Z, which New York calls 01:30 EST.
        var model = DstModel("America/New_York", "00:30");

        var due = OccurrencePlanner.Due(model, Utc(11, 1, 6), Utc(11, 1, 7));

        Assert.Equal(["DailyReminder rep 2026-11-01 2026-11-01T06:30Z"], Lines(due));
    }

    private static GoalsModel DstModel(string zone, string dailyAt) => Model(
        [Team("team", zone, country: null, schedule: Schedule(dailyAt), workingDays: EveryDay)],
        [Rep("rep", "team")],
        weekly: false);
}
