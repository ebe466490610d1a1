using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Core.Rollup;
using static KpiBot.Core.Tests.Rollup.TestGoals;

namespace KpiBot.Core.Tests.Rollup;

/// <summary>KDI figures over November 2026 in Japan: 19 working days; by the 10th, 6 have passed and 13 are left.</summary>
public class RollupCalculatorKdiTests
{
    private static readonly PeriodWindow November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

    private static GoalsModel CallsModel(Kdi? kdi = null) =>
        Model([Kpi("dials", 4000m)], [kdi ?? Kdi("calls", "dials", 10m)]);

    private static RollupActuals Actuals(PeriodWindow window, params (string Person, string Node, decimal Sum)[] rows) =>
        new RollupActuals().Add(window, rows.Select(r => new ActualTotal(r.Person, r.Node, r.Sum, 1)));

    [Fact]
    public void Compute_DailyKdi_PerPersonTargetIsDailyTimesWorkingDays()
    {
        var report = RollupCalculator.Compute(
            CallsModel(), new RollupRequest(Nov10), Actuals(November, ("aoki", "calls", 66m), ("baba", "calls", 45m)));

        var calls = report.Find("calls")!;
        var aoki = calls.People["aoki"];
        // 10 × 19 = 190; expected 190 × 6 ÷ 19 = 60; pace 66 ÷ 60 = 1.1; needed (190 − 66) ÷ 13; forecast 66 ÷ 6 × 19 = 209.
        Assert.Equal(November, calls.Window);
        Assert.Equal(190m, aoki.Target);
        Assert.Equal(60m, aoki.Expected);
        Assert.Equal(1.1m, aoki.Pace);
        Assert.Equal(124m / 13m, aoki.NeededPerWorkingDay);
        Assert.Equal(209m, aoki.Forecast);
        Assert.Equal(ProgressStatus.OnTrack, aoki.Status);
        Assert.Equal((6, 19), (aoki.WorkingDaysElapsed, aoki.WorkingDaysTotal));
        // baba: 45 ÷ 60 = 0.75 → off-track.
        Assert.Equal(0.75m, calls.People["baba"].Pace);
        Assert.Equal(ProgressStatus.OffTrack, calls.People["baba"].Status);
        // team: 111 of 380, expected 120, pace 0.925 → at-risk. The lead chiba is no rep and has no figures.
        Assert.Equal(111m, calls.Figures!.Actual);
        Assert.Equal(380m, calls.Figures.Target);
        Assert.Equal(0.925m, calls.Figures.Pace);
        Assert.Equal(ProgressStatus.AtRisk, calls.Figures.Status);
        Assert.False(calls.People.ContainsKey("chiba"));
    }

    [Fact]
    public void Compute_PersonWithTimeOff_LosesThoseWorkingDaysFromTargetAndElapsed()
    {
        // aoki is off on Wed 4th (working day), Sat 21st (no working day anyway) and Mon 16th.
        var timeOff = new Dictionary<string, IReadOnlySet<DateOnly>>
        {
            ["aoki"] = new HashSet<DateOnly> { new(2026, 11, 4), new(2026, 11, 21), new(2026, 11, 16) },
        };
        var report = RollupCalculator.Compute(
            CallsModel(), new RollupRequest(Nov10, TimeOff: timeOff), Actuals(November, ("aoki", "calls", 50m)));

        var aoki = report.Find("calls")!.People["aoki"];
        // 19 − 2 = 17 days → 170; elapsed 6 − 1 = 5 → expected 50 → pace 1.
        Assert.Equal(170m, aoki.Target);
        Assert.Equal((5, 17), (aoki.WorkingDaysElapsed, aoki.WorkingDaysTotal));
        Assert.Equal(50m, aoki.Expected);
        Assert.Equal(1m, aoki.Pace);
        Assert.Equal(190m, report.Find("calls")!.People["baba"].Target);
        Assert.Equal(360m, report.Find("calls")!.Figures!.Target);
    }

    [Fact]
    public void Compute_TeamScopeKdi_SplitsTheTeamTargetAmongReps()
    {
        var model = CallsModel(Kdi("mailers", "dials", 100m, scope: TargetScope.Team, unit: "通"));
        var report = RollupCalculator.Compute(
            model, new RollupRequest(Nov10), Actuals(November, ("aoki", "mailers", 300m), ("baba", "mailers", 250m)));

        var mailers = report.Find("mailers")!;
        // team 100 × 19 = 1900, expected 600, actual 550 → pace 0.91666… → at-risk; each rep 950, expected 300.
        Assert.Equal(1900m, mailers.Figures!.Target);
        Assert.Equal(550m, mailers.Figures.Actual);
        Assert.Equal(ProgressStatus.AtRisk, mailers.Figures.Status);
        Assert.Equal(950m, mailers.People["aoki"].Target);
        Assert.Equal(1m, mailers.People["aoki"].Pace);
        Assert.Equal(ProgressStatus.AtRisk, mailers.People["baba"].Status); // 250 ÷ 300 = 0.833…
    }

    [Fact]
    public void Compute_WeeklyKdi_ScalesByWorkingDaysOverAFullWeek()
    {
        var model = CallsModel(Kdi("visits", "dials", 5m, KdiCadence.Weekly, unit: "visits"));

        var month = RollupCalculator.Compute(model, new RollupRequest(Nov10), RollupActuals.Empty);
        var week = RollupCalculator.Compute(
            model, new RollupRequest(new DateOnly(2026, 11, 4), Period: PeriodKind.Week), RollupActuals.Empty);

        // November: 5 × 19 ÷ 5 = 19. The week of 文化の日 (2–8 Nov) has 4 working days: 5 × 4 ÷ 5 = 4.
        Assert.Equal(19m, month.Find("visits")!.People["aoki"].Target);
        Assert.Equal(4m, week.Find("visits")!.People["aoki"].Target);
        Assert.Equal(new PeriodWindow(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 8)), week.Find("visits")!.Window);
    }

    [Fact]
    public void Compute_OnFirstWorkingDayOfPeriod_ExpectsOneDay()
    {
        var report = RollupCalculator.Compute(
            CallsModel(), new RollupRequest(new DateOnly(2026, 11, 2)), Actuals(November, ("aoki", "calls", 10m)));

        var aoki = report.Find("calls")!.People["aoki"];
        Assert.Equal((1, 19), (aoki.WorkingDaysElapsed, aoki.WorkingDaysTotal));
        Assert.Equal(10m, aoki.Expected);
        Assert.Equal(1m, aoki.Pace);
        Assert.Equal(190m, aoki.Forecast);
        Assert.Equal(10m, aoki.NeededPerWorkingDay); // 180 ÷ 18
    }

    [Fact]
    public void Compute_OnSundayBeforeFirstWorkingDay_IsNotStarted()
    {
        var report = RollupCalculator.Compute(CallsModel(), new RollupRequest(new DateOnly(2026, 11, 1)), RollupActuals.Empty);

        var aoki = report.Find("calls")!.People["aoki"];
        Assert.Equal(ProgressStatus.NotStarted, aoki.Status);
        Assert.Null(aoki.Pace);
        Assert.Equal(0, aoki.WorkingDaysElapsed);
    }

    [Fact]
    public void Compute_OnLastWorkingDayOfPeriod_ExpectsTheWholeTarget()
    {
        var report = RollupCalculator.Compute(
            CallsModel(), new RollupRequest(new DateOnly(2026, 11, 30)), Actuals(November, ("aoki", "calls", 180m)));

        var aoki = report.Find("calls")!.People["aoki"];
        // 180 ÷ 190 = 0.947… < 0.95 → at-risk; no day left, so nothing "needed per day"; forecast = actual.
        Assert.Equal((19, 19), (aoki.WorkingDaysElapsed, aoki.WorkingDaysTotal));
        Assert.Equal(190m, aoki.Expected);
        Assert.Equal(ProgressStatus.AtRisk, aoki.Status);
        Assert.Null(aoki.NeededPerWorkingDay);
        Assert.Equal(180m, aoki.Forecast);
    }

    [Fact]
    public void Compute_WeekAcrossMonthEnd_TakesEachMonthsShareOfTheKpiTarget()
    {
        var model = Model([Kpi("appointments", 30m)], [Kdi("calls", "appointments", 10m)]);
        var report = RollupCalculator.Compute(
            model, new RollupRequest(new DateOnly(2026, 12, 2), Period: PeriodKind.Week), RollupActuals.Empty);

        var kpi = report.Find("appointments")!;
        // Week 30 Nov – 6 Dec: 1 of November's 19 working days, 4 of December's 23 → 30 × 1 ÷ 19 + 30 × 4 ÷ 23 = 2970 ÷ 437.
        Assert.Equal(new PeriodWindow(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6)), kpi.Window);
        Assert.Equal(6.796339m, Math.Round(kpi.Figures!.Target, 6));
        Assert.Equal(5, kpi.Figures.WorkingDaysTotal);
        Assert.Equal(3, kpi.Figures.WorkingDaysElapsed); // Mon 30 Nov, Tue 1 and Wed 2 Dec
        Assert.Equal(50m, report.Find("calls")!.People["aoki"].Target);
    }

    [Fact]
    public void Compute_WithCustomThresholds_ClassifiesAtTheirBoundaries()
    {
        var model = Model([Kpi("dials", 4000m)], [Kdi("calls", "dials", 10m)], thresholds: new StatusThresholds(0.9m, 0.7m));
        var report = RollupCalculator.Compute(
            model, new RollupRequest(Nov10), Actuals(November, ("aoki", "calls", 54m), ("baba", "calls", 42m)));

        // expected 60 each: 54 ÷ 60 = 0.9 → on-track at the boundary; 42 ÷ 60 = 0.7 → at-risk at the boundary.
        Assert.Equal(ProgressStatus.OnTrack, report.Find("calls")!.People["aoki"].Status);
        Assert.Equal(ProgressStatus.AtRisk, report.Find("calls")!.People["baba"].Status);
    }

    [Fact]
    public void Compute_BeforeTheGoalWindow_IsNotStarted()
    {
        var model = Model([Kpi("dials", 4000m, start: new DateOnly(2026, 12, 1))], [Kdi("calls", "dials", 10m)]);
        var report = RollupCalculator.Compute(model, new RollupRequest(Nov10), RollupActuals.Empty);

        Assert.Equal(new DateOnly(2026, 12, 1), report.Find("dials")!.Window!.Value.Start);
        Assert.Equal(ProgressStatus.NotStarted, report.Find("dials")!.Figures!.Status);
        Assert.Equal(ProgressStatus.NotStarted, report.Find("calls")!.People["aoki"].Status);
    }
}
