using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Core.Rollup;
using static KpiBot.Core.Tests.Rollup.TestGoals;

namespace KpiBot.Core.Tests.Rollup;

/// <summary>KPI and KGI figures as of 10 November 2026 (6 of November's 19 Japanese working days passed).</summary>
public class RollupCalculatorKpiTests
{
    private static readonly PeriodWindow November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

    private static RollupActuals Actuals(PeriodWindow window, params (string Person, string Node, decimal Sum)[] rows) =>
        new RollupActuals().Add(window, rows.Select(r => new ActualTotal(r.Person, r.Node, r.Sum, 1, r.Sum)));

    [Fact]
    public void Compute_KdiWithConversionRate_FeedsTheKpiAtThatRate()
    {
        var model = Model([Kpi("appointments", 30m)], [Kdi("calls", "appointments", 10m, rate: 0.05m)]);
        var report = RollupCalculator.Compute(
            model, new RollupRequest(Nov10), Actuals(November, ("aoki", "calls", 66m), ("baba", "calls", 45m)));

        var kpi = report.Find("appointments")!;
        // (66 + 45) × 0.05 = 5.55 of 30; expected 30 × 6 ÷ 19 = 180 ÷ 19; pace 5.55 × 19 ÷ 180 = 0.5858… → off-track.
        Assert.Equal(5.55m, kpi.Figures!.Actual);
        Assert.Equal(30m, kpi.Figures.Target);
        Assert.Equal(0.585833m, Math.Round(kpi.Figures.Pace!.Value, 6));
        Assert.Equal(ProgressStatus.OffTrack, kpi.Figures.Status);
        Assert.Equal(17.575m, Math.Round(kpi.Figures.Forecast!.Value, 6)); // 5.55 ÷ 6 × 19
        // per person: 66 × 0.05 = 3.3 of an equal share 15.
        Assert.Equal(3.3m, kpi.People["aoki"].Actual);
        Assert.Equal(15m, kpi.People["aoki"].Target);
        Assert.Equal(2.25m, kpi.People["baba"].Actual);
    }

    [Fact]
    public void Compute_DerivedKpi_ConvertsInputsFromOtherNodes()
    {
        var model = Model(
            [
                Kpi("dials", 4000m),
                Kpi("appointments", 30m, derivedFrom: [new KpiInput("calls", 0.05m)]),
                Kpi("contracts", 6m, derivedFrom: [new KpiInput("appointments", 0.2m)]),
            ],
            [Kdi("calls", "dials", 10m)]);
        var report = RollupCalculator.Compute(
            model, new RollupRequest(Nov10), Actuals(November, ("aoki", "calls", 66m), ("baba", "calls", 45m)));

        Assert.Equal(111m, report.Find("dials")!.Figures!.Actual);
        Assert.Equal(5.55m, report.Find("appointments")!.Figures!.Actual);   // 111 × 0.05
        Assert.Equal(1.11m, report.Find("contracts")!.Figures!.Actual);      // 5.55 × 0.2
        Assert.Equal(3.3m, report.Find("appointments")!.People["aoki"].Actual);
        Assert.Equal(0.66m, report.Find("contracts")!.People["aoki"].Actual); // 66 × 0.05 × 0.2
    }

    [Fact]
    public void Compute_RatioKpiInPercent_IsNumeratorOverDenominatorAsAFraction_JudgedWithoutPace()
    {
        var model = Model(
            [
                Kpi("appointments", 30m, source: KpiSource.Reported),
                Kpi("contracts", 6m, source: KpiSource.Reported),
                Kpi("closerate", 0.2m, unit: "%", source: KpiSource.Ratio, aggregation: Aggregation.Ratio,
                    numerator: "contracts", denominator: "appointments"),
            ]);
        var report = RollupCalculator.Compute(
            model, new RollupRequest(Nov10), Actuals(November, ("chiba", "appointments", 10m), ("chiba", "contracts", 2m)));

        var rate = report.Find("closerate")!.Figures!;
        Assert.Equal(0.2m, rate.Actual);       // 2 ÷ 10, shown as 20 %
        Assert.Equal(0.2m, rate.Target);       // a rate is not pro-rated
        Assert.Equal(100m, rate.ProgressPercent);
        Assert.Equal(ProgressStatus.OnTrack, rate.Status);
        Assert.Null(rate.Pace);
        Assert.Null(rate.Forecast);
        Assert.Empty(report.Find("closerate")!.People);
    }

    [Fact]
    public void Compute_RatioKpiWithNothingInDenominator_IsZero()
    {
        var model = Model(
            [
                Kpi("appointments", 30m, source: KpiSource.Reported),
                Kpi("contracts", 6m, source: KpiSource.Reported),
                Kpi("closerate", 0.2m, unit: "", source: KpiSource.Ratio, numerator: "contracts", denominator: "appointments"),
            ]);
        var report = RollupCalculator.Compute(model, new RollupRequest(Nov10), Actuals(November, ("chiba", "contracts", 2m)));

        Assert.Equal(0m, report.Find("closerate")!.Figures!.Actual);
        Assert.Equal(ProgressStatus.OffTrack, report.Find("closerate")!.Figures!.Status);
    }

    [Fact]
    public void Compute_ReportedAverageAndLatest_AreLevelsAgainstTheirTarget()
    {
        var model = Model(
            [
                Kpi("satisfaction", 8m, unit: "pt", source: KpiSource.Reported, aggregation: Aggregation.Average),
                Kpi("pipeline", 10m, unit: "deals", source: KpiSource.Reported, aggregation: Aggregation.Latest),
            ]);
        var actuals = new RollupActuals().Add(November,
        [
            new ActualTotal("chiba", "satisfaction", 30m, 4),          // mean 7.5
            new ActualTotal("chiba", "pipeline", 40m, 4, Latest: 12m),
        ]);
        var report = RollupCalculator.Compute(model, new RollupRequest(Nov10), actuals);

        var satisfaction = report.Find("satisfaction")!.Figures!;
        Assert.Equal(7.5m, satisfaction.Actual);
        Assert.Equal(8m, satisfaction.Target);
        Assert.Equal(ProgressStatus.AtRisk, satisfaction.Status);   // 7.5 ÷ 8 = 0.9375
        Assert.Equal(12m, report.Find("pipeline")!.Figures!.Actual);
        Assert.Equal(ProgressStatus.OnTrack, report.Find("pipeline")!.Figures!.Status);
    }

    [Fact]
    public void Compute_SumKgi_IsBaselinePlusContributingKpis_AndExtrapolatesOnlyTheGain()
    {
        var kgi = Kgi(baseline: 30_000_000m, contributions: [new KgiContribution("revenue")],
            start: new DateOnly(2026, 11, 1), deadline: new DateOnly(2026, 11, 30));
        var model = Model([Kpi("revenue", 100_000_000m, PeriodKind.Window, "JPY", KpiSource.Reported)], kgi: kgi);
        var report = RollupCalculator.Compute(model, new RollupRequest(Nov10), Actuals(November, ("chiba", "revenue", 8_200_000m)));

        var figures = report.Find("kgi")!.Figures!;
        // 30,000,000 + 8,200,000 of 100,000,000. Only the gain is extrapolated: expected gain 70,000,000 × 6 ÷ 19,
        // pace 8.2 × 19 ÷ 420 = 0.37095… → off-track; forecast 30,000,000 + 8,200,000 ÷ 6 × 19.
        Assert.Equal(38_200_000m, figures.Actual);
        Assert.Equal(38.2m, figures.ProgressPercent);
        Assert.Equal(0.370952m, Math.Round(figures.Pace!.Value, 6));
        Assert.Equal(ProgressStatus.OffTrack, figures.Status);
        Assert.Equal(30_000_000m + 8_200_000m / 6m * 19m, figures.Forecast!.Value, 6);
        Assert.Equal(61_800_000m / 13m, figures.NeededPerWorkingDay);
    }

    [Fact]
    public void Compute_WeightedKgi_IsTheWeightedMeanOfProgress()
    {
        var kgi = Kgi(target: 1000m, rollup: KgiRollup.Weighted, unit: "pt",
            contributions: [new KgiContribution("a", 1m), new KgiContribution("b", 3m)],
            start: new DateOnly(2026, 11, 1), deadline: new DateOnly(2026, 11, 30));
        var model = Model(
            [Kpi("a", 100m, PeriodKind.Window, source: KpiSource.Reported), Kpi("b", 10m, PeriodKind.Window, source: KpiSource.Reported)],
            kgi: kgi);
        var report = RollupCalculator.Compute(model, new RollupRequest(Nov10), Actuals(November, ("chiba", "a", 60m), ("chiba", "b", 4m)));

        // (1 × 0.6 + 3 × 0.4) ÷ 4 = 0.45 → shown as 450 of 1000.
        Assert.Equal(45m, report.Find("kgi")!.Figures!.ProgressPercent);
        Assert.Equal(450m, report.Find("kgi")!.Figures!.Actual);
    }

    [Fact]
    public void Plan_ListsEachWindowWithTheNodesItNeeds()
    {
        var model = Model(
            [Kpi("dials", 4000m), Kpi("revenue", 10_000_000m, unit: "JPY", source: KpiSource.Reported)],
            [Kdi("calls", "dials", 10m)],
            kgi: Kgi(contributions: [new KgiContribution("revenue")]));

        var plan = RollupCalculator.Plan(model, new RollupRequest(Nov10));

        Assert.Equal(2, plan.Queries.Count);
        Assert.Equal(new PeriodWindow(new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)), plan.Queries[0].Window);
        Assert.Equal(["revenue"], plan.Queries[0].NodeIds);
        Assert.Equal(November, plan.Queries[1].Window);
        Assert.Equal(["calls", "revenue"], plan.Queries[1].NodeIds);
    }

    [Fact]
    public void Compute_ForOneTeam_KeepsItsNodesAndPeopleOnly()
    {
        var teams = new[] { Team("tokyo"), Team("osaka") };
        var people = People("tokyo", "aoki", "baba").Concat(People("osaka", "dai"));
        var model = Model(
            [Kpi("dials", 4000m), Kpi("revenue", 10_000_000m, unit: "JPY", source: KpiSource.Reported)],
            [Kdi("calls", "dials", 10m), Kdi("osaka-calls", "dials", 10m, teamId: "osaka")],
            teams: teams, people: people);

        var report = RollupCalculator.Compute(model, new RollupRequest(Nov10, TeamId: "osaka"),
            Actuals(November, ("aoki", "calls", 66m), ("dai", "osaka-calls", 50m)));

        Assert.NotNull(report.Find("osaka-calls"));
        Assert.Null(report.Find("calls"));
        Assert.Null(report.Find("revenue"));
        Assert.Equal(["dai"], report.Find("dials")!.People.Keys);
        Assert.Equal(116m, report.Find("dials")!.Figures!.Actual);   // a shared KPI's figures stay whole
        Assert.Equal(4000m / 3m, report.Find("dials")!.People["dai"].Target); // one of three reps feeding it
        Assert.Equal(["dials", "osaka-calls"], report.ForPerson("dai").Select(p => p.Node.Node.Id));
    }
}
