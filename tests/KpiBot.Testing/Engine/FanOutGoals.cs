using KpiBot.Core.Goals;

namespace KpiBot.Testing.Engine;

/// <summary>An organisation of N reps in teams of 500, all in Tokyo with a 17:30 prompt and one daily KDI per team.</summary>
public static class FanOutGoals
{
    public static GoalsModel Build(int people)
    {
        var teamCount = Math.Max(1, (people + 499) / 500);
        var start = new DateOnly(2026, 4, 1);
        var deadline = new DateOnly(2027, 3, 31);
        var teams = Enumerable.Range(0, teamCount).Select(t => new Team(
            $"team-{t:D4}", $"Team {t}", "Asia/Tokyo", Team.MondayToFriday, "JP",
            new HashSet<DateOnly>(), new HashSet<DateOnly>(), [], Locale: t % 2 == 0 ? "ja" : "en")).ToList();
        var reps = Enumerable.Range(0, people).Select(p => new Person(
            $"rep-{p:D6}", $"Rep {p}", $"rep{p:D6}@example.com", Role.Rep, teams[p / 500].Id)).ToList();
        var kgi = new Kgi("sales", "Sales", 1_000_000_000m, "JPY", start, deadline, null, KgiRollup.Sum, []);
        var ksf = new Ksf("new", "New customers", "sales");
        var kpis = teams.Select(t => new Kpi($"meetings-{t.Id}", "Meetings", "new", 30m * 500, "meetings", PeriodKind.Month, t.Id, Aggregation.Sum, KpiSource.Kdis)).ToList();
        var kdis = teams.Select(t => new Kdi($"calls-{t.Id}", "Calls", $"meetings-{t.Id}", 20m, "calls", KdiCadence.Daily, t.Id, ConversionRate: 0.05m)).ToList();
        return new GoalsModel(new OrganizationSettings("Fan-out Co."), teams, reps, [kgi], [ksf], kpis, kdis);
    }
}
