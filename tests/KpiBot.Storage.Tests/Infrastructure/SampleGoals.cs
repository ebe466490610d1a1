using KpiBot.Core.Goals;

namespace KpiBot.Storage.Tests.Infrastructure;

/// <summary>
/// A small telemarketing goals model built in C#: every kind of node, sets, lists, optional fields and
/// source locations, so that a round trip through the store has something to lose.
/// </summary>
public static class SampleGoals
{
    public const string Kgi = "kgi-sales";
    public const string Ksf = "ksf-pipeline";
    public const string Appointments = "kpi-appointments";
    public const string Revenue = "kpi-revenue";
    public const string Calls = "kdi-calls";
    public const string Emails = "kdi-emails";
    public const string Alice = "alice";
    public const string Bob = "bob";
    public const string Carol = "carol";

    public static GoalsModel Build(decimal callsTarget = 100m, bool withEmails = true, bool withCarol = true)
    {
        var tokyo = new Team(
            "tokyo", "Tokyo Sales", "Asia/Tokyo", Team.MondayToFriday, "JP",
            new HashSet<DateOnly> { new(2026, 8, 13), new(2026, 8, 14) },
            new HashSet<DateOnly> { new(2026, 5, 9) },
            [new ChannelLink("slack", "#tokyo-sales"), new ChannelLink("teams", "Sales/General")],
            DayOfWeek.Monday, "ja", new SourceLocation("goals.yaml", 10, 3));
        var london = new Team(
            "london", "London", "Europe/London",
            new HashSet<DayOfWeek> { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday },
            null, new HashSet<DateOnly>(), new HashSet<DateOnly>(), [], DayOfWeek.Sunday);

        List<Person> people =
        [
            new(Alice, "Alice Sato", "Alice.Sato@Example.com", Role.Rep, "tokyo", "Asia/Tokyo", "ja", new SourceLocation("goals.yaml", 30)),
            new(Bob, "Bob Smith", "bob@example.com", Role.Lead, "london"),
        ];
        if (withCarol)
        {
            people.Add(new(Carol, "Carol 山田", "carol@example.com", Role.Admin, "tokyo", Locale: "en"));
        }

        var kgi = new Kgi(
            Kgi, "Annual sales ¥100M", 100_000_000m, "JPY", new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31), "tokyo",
            KgiRollup.Weighted, [new KgiContribution(Revenue, 0.7m), new KgiContribution(Appointments, 0.3m)],
            Baseline: 12_500_000.5m, Source: new SourceLocation("goals.yaml", 50, 5));
        var ksf = new Ksf(Ksf, "A full pipeline", Kgi);
        var appointments = new Kpi(
            Appointments, "Appointments", Ksf, 30m, "appointments", PeriodKind.Month, "tokyo", Aggregation.Sum, KpiSource.Kdis,
            Start: new DateOnly(2026, 5, 1), DerivedFrom: [new KpiInput(Calls, 0.05m)]);
        var revenue = new Kpi(
            Revenue, "Revenue", Ksf, 8_333_333.3333m, "JPY", PeriodKind.Quarter, "tokyo", Aggregation.Latest, KpiSource.Reported,
            End: new DateOnly(2027, 3, 31));
        var calls = new Kdi(Calls, "Calls", Appointments, callsTarget, "calls", KdiCadence.Daily, "tokyo",
            ConversionRate: 0.05m, CapacityPerDay: 120m, Source: new SourceLocation("goals.yaml", 80, 7));
        var emails = new Kdi(Emails, "Emails", Appointments, 50m, "emails", KdiCadence.Weekly, "london", TargetScope.Team);

        return new GoalsModel(
            new OrganizationSettings("Example KK", 4, "ja", "JPY", new StatusThresholds(0.9m, 0.7m)),
            [tokyo, london],
            people,
            [kgi],
            [ksf],
            [appointments, revenue],
            withEmails ? [calls, emails] : [calls]);
    }
}
