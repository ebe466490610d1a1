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

    [Fact]
    public async Task ComputeAsync_AWeeklyValue_IsSpreadOverItsWeeksWorkingDays_SoMonthsAndTheWeekAddUp()
    {
        // Visits are weekly, kept on the week's first day. The week of Mon 30 Nov 2026 has 5 working days in
        // Japan: 1 in November (the 30th), 4 in December (1st–4th). Another week lies wholly in November.
        var model = Model([Kpi("dials", 100m)], [Kdi("visits", "dials", 5m, KdiCadence.Weekly, unit: "visits")]);
        var totals = new InMemoryCheckInTotals(
        [
            new CheckInEntry("aoki", "visits", new DateOnly(2026, 11, 30), 5m),
            new CheckInEntry("aoki", "visits", new DateOnly(2026, 11, 16), 3m),
            new CheckInEntry("baba", "visits", new DateOnly(2026, 11, 30), 10m),
        ]);
        var service = new RollupService(totals);

        var november = await service.ComputeAsync(model, new RollupRequest(new DateOnly(2026, 11, 30)), CancellationToken.None);
        var december = await service.ComputeAsync(model, new RollupRequest(new DateOnly(2026, 12, 31)), CancellationToken.None);
        var week = await service.ComputeAsync(model, new RollupRequest(new DateOnly(2026, 12, 4), Period: PeriodKind.Week), CancellationToken.None);

        // aoki: November 3 + 5 × 1⁄5 = 4; December 5 × 4⁄5 = 4; the week all 5. Together: 3 + 5, as recorded.
        Assert.Equal(4m, november.Find("visits")!.People["aoki"].Actual);
        Assert.Equal(4m, december.Find("visits")!.People["aoki"].Actual);
        Assert.Equal(5m, week.Find("visits")!.People["aoki"].Actual);
        // The team, and the KPI the visits feed, agree: (5 + 10) × 1⁄5 + 3 = 6 in November, 12 in December.
        Assert.Equal(6m, november.Find("visits")!.Figures!.Actual);
        Assert.Equal(6m, november.Find("dials")!.Figures!.Actual);
        Assert.Equal(12m, december.Find("dials")!.Figures!.Actual);
        Assert.Equal(15m, week.Find("visits")!.Figures!.Actual);
    }
}
