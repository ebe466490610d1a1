using KpiBot.Core.Goals;

namespace KpiBot.Core.Tests.Rollup;

/// <summary>
/// Small goal models built in C#. Team "tokyo" works Monday–Friday with Japanese holidays: November 2026
/// has 19 working days (文化の日 3rd, 勤労感謝の日 23rd); 2–10 November holds 6 of them (2, 4, 5, 6, 9, 10).
/// Reps aoki and baba, lead chiba. Team "plain" has no holidays (21 working days in November 2026).
/// </summary>
internal static class TestGoals
{
    public const string Ksf = "ksf";
    public static readonly DateOnly Nov10 = new(2026, 11, 10);

    public static Team Team(string id, string? country = "JP") => new(
        id, id, "Asia/Tokyo", KpiBot.Core.Goals.Team.MondayToFriday, country,
        new HashSet<DateOnly>(), new HashSet<DateOnly>(), []);

    public static IEnumerable<Person> People(string teamId, params string[] reps) =>
        reps.Select(r => new Person(r, r, r + "@example.com", Role.Rep, teamId));

    public static Kgi Kgi(
        string teamId = "tokyo", decimal target = 100_000_000m, KgiRollup rollup = KgiRollup.Sum,
        IReadOnlyList<KgiContribution>? contributions = null, decimal? baseline = null,
        DateOnly? start = null, DateOnly? deadline = null, string title = "Annual sales", string unit = "JPY") => new(
        "kgi", title, target, unit, start ?? new DateOnly(2026, 4, 1), deadline ?? new DateOnly(2027, 3, 31),
        teamId, rollup, contributions ?? [], baseline);

    public static Kpi Kpi(
        string id, decimal target, PeriodKind period = PeriodKind.Month, string unit = "件",
        KpiSource source = KpiSource.Kdis, Aggregation aggregation = Aggregation.Sum, string teamId = "tokyo",
        IReadOnlyList<KpiInput>? derivedFrom = null, string? numerator = null, string? denominator = null,
        string? title = null, DateOnly? start = null, DateOnly? end = null) => new(
        id, title ?? id, Ksf, target, unit, period, teamId, aggregation, source, numerator, denominator,
        start, end, derivedFrom);

    public static Kdi Kdi(
        string id, string kpiId, decimal target, KdiCadence cadence = KdiCadence.Daily, string teamId = "tokyo",
        TargetScope scope = TargetScope.Person, decimal? rate = null, string unit = "calls", string? title = null) => new(
        id, title ?? id, kpiId, target, unit, cadence, teamId, scope, rate);

    public static GoalsModel Model(
        IEnumerable<Kpi> kpis,
        IEnumerable<Kdi>? kdis = null,
        Kgi? kgi = null,
        IEnumerable<Team>? teams = null,
        IEnumerable<Person>? people = null,
        StatusThresholds? thresholds = null,
        string ksfTitle = "New business") => new(
        new OrganizationSettings("Acme", Thresholds: thresholds),
        teams ?? [Team("tokyo")],
        people ?? People("tokyo", "aoki", "baba").Append(new Person("chiba", "chiba", "chiba@example.com", Role.Lead, "tokyo")),
        [kgi ?? Kgi()],
        [new Ksf(Ksf, ksfTitle, "kgi")],
        kpis,
        kdis ?? []);
}
