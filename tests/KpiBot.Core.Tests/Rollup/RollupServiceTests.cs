using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Core.Rollup;
using static KpiBot.Core.Tests.Rollup.TestGoals;

namespace KpiBot.Core.Tests.Rollup;

public class RollupServiceTests
{
    [Fact]
    public async Task ComputeAsync_FetchesEachPlannedWindowOnce_AndRollsUpOnlyEntriesInside()
    {
        var model = Model(
            [Kpi("dials", 4000m), Kpi("revenue", 10_000_000m, unit: "JPY", source: KpiSource.Reported)],
            [Kdi("calls", "dials", 10m)],
            kgi: Kgi(baseline: 30_000_000m, contributions: [new KgiContribution("revenue")]));
        var totals = new InMemoryCheckInTotals(
        [
            new CheckInEntry("aoki", "calls", new DateOnly(2026, 11, 2), 30m),
            new CheckInEntry("aoki", "calls", new DateOnly(2026, 11, 4), 36m),
            new CheckInEntry("baba", "calls", new DateOnly(2026, 11, 5), 45m),
            new CheckInEntry("baba", "calls", new DateOnly(2026, 10, 30), 100m),      // October: outside the window
            new CheckInEntry("chiba", "revenue", new DateOnly(2026, 10, 15), 5_000_000m),
            new CheckInEntry("chiba", "revenue", new DateOnly(2026, 11, 5), 3_200_000m),
        ]);
        var request = new RollupRequest(Nov10);

        var report = await new RollupService(totals).ComputeAsync(model, request, CancellationToken.None);

        Assert.Equal(RollupCalculator.Plan(model, request).Queries.Select(q => q.Window), totals.WindowsAsked);
        Assert.Equal(111m, report.Find("calls")!.Figures!.Actual);
        Assert.Equal(66m, report.Find("calls")!.People["aoki"].Actual);
        Assert.Equal(3_200_000m, report.Find("revenue")!.Figures!.Actual);    // November only
        Assert.Equal(38_200_000m, report.Find("kgi")!.Figures!.Actual);       // baseline + April–March revenue
        Assert.Equal(["calls"], report.ForPerson("baba").Where(p => p.Node.Node.Kind == GoalKind.Kdi).Select(p => p.Node.Node.Id));
    }
}
