using KpiBot.Core.CheckIns;
using KpiBot.Core.Outcomes;
using KpiBot.Core.Resources;
using KpiBot.Core.Rollup;
using KpiBot.Testing.Fakes;

namespace KpiBot.Core.Tests.Outcomes;

/// <summary>
/// Reported actuals next to estimates: the reported actual drives the parent when the window has one, the
/// estimate is kept beside it, and the conversion achieved is measured against plan.
/// </summary>
public class OutcomeRollupTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly AsOf = new(2026, 11, 27);
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private readonly InMemoryCheckIns _checkIns = new();
    private readonly InMemoryOutcomes _outcomes = new();
    private readonly OutcomeService _service;
    private readonly RollupService _rollup;

    public OutcomeRollupTests()
    {
        _service = new OutcomeService(_outcomes);
        _rollup = new RollupService(_checkIns, _outcomes);
    }

    private async Task CallsAsync()
    {
        // 800 calls in November, on track (2 reps × 20 a day × 20 working days): the estimate is 800 × 5 % = 40
        // meetings, 40 × ¥100,000 = ¥4,000,000.
        await _checkIns.RecordAsync(new CheckInEntry("rep-1", "calls", new(2026, 11, 2), 400m), "rep-1", Now, Ct);
        await _checkIns.RecordAsync(new CheckInEntry("rep-2", "calls", new(2026, 11, 3), 400m), "rep-2", Now, Ct);
    }

    private async Task<OutcomeResult> ReportAsync(string node, DateOnly day, decimal value, string? person = null, string reporter = "lead") =>
        await _service.ReportAsync(OutcomeGoals.Model,
            new OutcomeReport(node, day, value, CheckInSources.Cli, reporter, OutcomeGoals.Model.PeopleById[reporter], person),
            AsOf, Now, Ct);

    private Task<RollupReport> RollUpAsync() => _rollup.ComputeAsync(OutcomeGoals.Model, new RollupRequest(AsOf), Ct);

    [Fact]
    public async Task WithoutReports_TheEstimateDrives_AndSaysSo()
    {
        await CallsAsync();

        var report = await RollUpAsync();

        var meetings = report.Find("meetings")!;
        Assert.Equal(40m, meetings.Figures!.Actual);
        Assert.Null(meetings.Outcome!.Reported);
        Assert.Equal(40m, meetings.Outcome.Estimate);
        Assert.Empty(meetings.Outcome.Rates);
        Assert.Equal(4_000_000m, report.Find("sales-amount")!.Figures!.Actual);
        Assert.Equal(4_000_000m, report.Find("revenue")!.Figures!.Actual);
        Assert.Equal("no result reported yet · estimate 40 meetings", OutcomeLines.Note(meetings, Localized.English));
    }

    [Fact]
    public async Task AReportedActual_DrivesTheParent_AndTheEstimateStaysBesideIt()
    {
        await CallsAsync();
        Assert.True((await ReportAsync("sales-amount", new(2026, 11, 20), 3_000_000m)).Stored);

        var report = await RollUpAsync();

        var sales = report.Find("sales-amount")!;
        Assert.Equal(3_000_000m, sales.Figures!.Actual);
        Assert.True(sales.Outcome!.ReportedDrives);
        Assert.Equal(4_000_000m, sales.Outcome.Estimate);
        Assert.Equal(3_000_000m, report.Find("revenue")!.Figures!.Actual);     // the KGI moved by the report, not the estimate
        Assert.Equal("reported · estimate ¥4,000,000", OutcomeLines.Note(sales, Localized.English));
        Assert.Equal("報告値 · 推計 ¥4,000,000", OutcomeLines.Note(sales, Localized.Japanese));
    }

    [Fact]
    public async Task MeasuredConversion_IsShownAgainstPlan_AndWarnsWhenFarBelow()
    {
        await CallsAsync();
        // Rep One held 2 meetings in the week of 2026-11-02: 2 of 800 calls = 0.25 %, plan 5 %.
        Assert.True((await ReportAsync("meetings", new(2026, 11, 4), 2m, reporter: "rep-1")).Stored);

        var report = await RollUpAsync();

        var meetings = report.Find("meetings")!;
        Assert.Equal(2m, meetings.Figures!.Actual);
        var rate = Assert.Single(meetings.Outcome!.Rates);
        Assert.Equal(("calls", 800m, 0.05m, 0.0025m, true), (rate.Input.Id, rate.InputActual, rate.Planned, rate.Achieved, rate.FarBelow));
        Assert.Equal(200_000m, report.Find("sales-amount")!.Figures!.Actual);    // the reported 2 meetings feed the sales estimate
        Assert.Equal(2m, meetings.People["rep-1"].Actual);                         // Rep One's own report
        Assert.Equal(20m, meetings.People["rep-2"].Actual);                        // Rep Two has not reported: 400 calls × 5 %
        Assert.Equal(
            ["Calls is on-track, but only 0.25 % of it became Meetings (plan 5 %)."],
            OutcomeLines.Warnings(report, Localized.English));
        Assert.Equal(
            ["Callsは順調ですが、Meetingsにつながったのは 0.25 % だけです（計画 5 %）。"],
            OutcomeLines.Warnings(report, Localized.Japanese));
        Assert.Contains("Calls: 800 calls → 2 meetings (0.25 %; plan 5 %)", OutcomeLines.Note(meetings, Localized.English), StringComparison.Ordinal);
        Assert.Contains("⚠ Calls is on-track", TreeTextRenderer.Render(OutcomeGoals.Model, report, Localized.English), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConversionNearPlan_IsNotAWarning()
    {
        await CallsAsync();
        await ReportAsync("meetings", new(2026, 11, 4), 20m, reporter: "rep-1");
        await ReportAsync("meetings", new(2026, 11, 4), 16m, reporter: "rep-2");

        var report = await RollUpAsync();

        Assert.Equal(0.045m, Assert.Single(report.Find("meetings")!.Outcome!.Rates).Achieved);
        Assert.Empty(OutcomeLines.Warnings(report, Localized.English));
    }

    [Fact]
    public async Task ASecondReportForThePeriod_ReplacesTheFirst_AndKeepsTheHistory()
    {
        var first = await ReportAsync("sales-amount", new(2026, 11, 3), 1_000_000m);
        var second = await ReportAsync("sales-amount", new(2026, 11, 27), 1_500_000m);
        var again = await ReportAsync("sales-amount", new(2026, 11, 15), 1_500_000m);

        Assert.Equal((CheckInOutcome.Created, new DateOnly(2026, 11, 1)), (first.Outcome, first.Entry!.PeriodStart));
        Assert.Equal((CheckInOutcome.Updated, 2, 1_000_000m), (second.Outcome, second.Entry!.Revision, second.PreviousValue));
        Assert.Equal(CheckInOutcome.Unchanged, again.Outcome);
        var history = await _service.HistoryAsync(OutcomeGoals.Model, "sales-amount", null, new(2026, 11, 9), Ct);
        Assert.Equal([(null, 1_000_000m), (1_000_000m, 1_500_000m)], history.Select(h => (h.OldValue, h.NewValue)));
        Assert.Equal(1_500_000m, (await RollUpAsync()).Find("revenue")!.Figures!.Actual);
        Assert.Equal("Changed Sales amount, November 2026, to ¥1,500,000 (was ¥1,000,000; revision 2).",
            OutcomeReceipt.Text(OutcomeGoals.Model, second, Localized.English));
        Assert.Equal("Sales amount（2026年11月）の実績を ¥1,000,000 から ¥1,500,000 に修正しました（第2版）。",
            OutcomeReceipt.Text(OutcomeGoals.Model, second, Localized.Japanese));
    }

    [Fact]
    public async Task AReportedOnlyKpi_WithoutAReport_CountsNothing_AndSaysNoneYet()
    {
        var report = await RollUpAsync();

        var renewals = report.Find("renewals")!;
        Assert.Equal(0m, renewals.Figures!.Actual);
        Assert.Equal(new RollupOutcome(null, null, []), renewals.Outcome);
        Assert.Equal("no result reported yet", OutcomeLines.Note(renewals, Localized.English));
    }

    [Fact]
    public async Task AReportedKgi_TakesItsReportedActual_WithItsKpisAsTheEstimate()
    {
        var model = OutcomeGoals.Load(OutcomeGoals.Yaml.Replace(
            "owner: sales, from:", "owner: sales, reported_by: lead, baseline: 500000, from:", StringComparison.Ordinal));
        await CallsAsync();
        var result = await _service.ReportAsync(model,
            new OutcomeReport("revenue", new(2026, 10, 31), 4_000_000m, CheckInSources.Cli, "lead", model.PeopleById["lead"]), AsOf, Now, Ct);

        var kgi = (await _rollup.ComputeAsync(model, new RollupRequest(AsOf), Ct)).Find("revenue")!;

        Assert.Equal(new DateOnly(2026, 10, 1), result.Entry!.PeriodStart);
        Assert.Equal(4_500_000m, kgi.Figures!.Actual);                // baseline + reported
        Assert.Equal(4_500_000m, kgi.Outcome!.Estimate);             // baseline + ¥4,000,000 from the KPIs
    }
}
