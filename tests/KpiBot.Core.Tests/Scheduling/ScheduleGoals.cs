using KpiBot.Core.Goals;
using KpiBot.Core.Scheduling;

namespace KpiBot.Core.Tests.Scheduling;

/// <summary>
/// Goal models for the planner, built in C#. Team "tokyo" (Asia/Tokyo, Monday–Friday, Japanese holidays)
/// has a daily and a weekly KDI; reps aoki and baba work in Tokyo, emily from America/New_York, lead chiba
/// gets no prompts. In November 2026 Japan's holidays are the 3rd (Tue) and the 23rd (Mon); New York is on
/// EST (UTC−5) from 1 November, Tokyo is always UTC+9.
/// </summary>
internal static class ScheduleGoals
{
    public static readonly DateTimeOffset Nov2 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    public static Team Team(
        string id = "tokyo",
        string zone = "Asia/Tokyo",
        string? country = "JP",
        CheckInSchedule? schedule = null,
        IReadOnlySet<DayOfWeek>? workingDays = null,
        DayOfWeek weekStart = DayOfWeek.Monday) => new(
        id, id, zone, workingDays ?? KpiBot.Core.Goals.Team.MondayToFriday, country,
        new HashSet<DateOnly>(), new HashSet<DateOnly>(), [], weekStart, Schedule: schedule);

    public static Person Rep(string id, string teamId = "tokyo", string? zone = null) =>
        new(id, id, id + "@example.com", Role.Rep, teamId, zone);

    public static IEnumerable<Person> TokyoPeople() =>
    [
        Rep("aoki"), Rep("baba"), Rep("emily", zone: "America/New_York"),
        new Person("chiba", "chiba", "chiba@example.com", Role.Lead, "tokyo"),
    ];

    public static GoalsModel Model(
        IEnumerable<Team>? teams = null,
        IEnumerable<Person>? people = null,
        bool daily = true,
        bool weekly = true)
    {
        var teamList = (teams ?? [Team()]).ToList();
        var kdis = teamList.SelectMany(t => Kdis(t.Id, daily, weekly)).ToList();
        return new GoalsModel(
            new OrganizationSettings("Acme"),
            teamList,
            people ?? TokyoPeople(),
            [new Kgi("kgi", "Sales", 100m, "JPY", new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), teamList[0].Id, KgiRollup.Sum, [])],
            [new Ksf("ksf", "New business", "kgi")],
            [new Kpi("meetings", "Meetings", "ksf", 10m, "meetings", PeriodKind.Month, teamList[0].Id, Aggregation.Sum, KpiSource.Kdis)],
            kdis);
    }

    public static CheckInSchedule Schedule(
        string dailyAt = "17:30", TimeSpan? reminderAfter = null, bool noReminder = false) =>
        CheckInSchedule.Default with
        {
            DailyAt = TimeOnly.Parse(dailyAt, System.Globalization.CultureInfo.InvariantCulture),
            ReminderAfter = noReminder ? null : reminderAfter ?? CheckInSchedule.Default.ReminderAfter,
        };

    public static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int year = 2026) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>Occurrences as "Kind recipient workday dueZ" lines, easy to compare and read in a failure.</summary>
    public static string[] Lines(IEnumerable<Occurrence> occurrences) =>
        occurrences.Select(o => $"{o.Kind} {o.RecipientId} {o.WorkDay:yyyy-MM-dd} {o.DueAtUtc.UtcDateTime:yyyy-MM-ddTHH:mm}Z").ToArray();

    public static IReadOnlyDictionary<string, IReadOnlySet<DateOnly>> Off(string personId, params DateOnly[] days) =>
        new Dictionary<string, IReadOnlySet<DateOnly>> { [personId] = days.ToHashSet() };

    private static IEnumerable<Kdi> Kdis(string teamId, bool daily, bool weekly)
    {
        if (daily)
        {
            yield return new Kdi($"{teamId}-calls", "Calls", "meetings", 20m, "calls", KdiCadence.Daily, teamId);
        }

        if (weekly)
        {
            yield return new Kdi($"{teamId}-proposals", "Proposals", "meetings", 3m, "proposals", KdiCadence.Weekly, teamId);
        }
    }
}
