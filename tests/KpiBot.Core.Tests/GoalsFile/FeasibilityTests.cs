using KpiBot.Core.GoalsFile;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Tests.GoalsFile;

public class FeasibilityTests
{
    // Golden Week 2027: 2027-04-26 (Mon) .. 2027-05-07 (Fri) has 10 weekdays; Showa Day (Apr 29),
    // Constitution Day (May 3), Greenery Day (May 4) and Children's Day (May 5) leave 6 working days in JP.
    private const string Campaign = """
        organization: { name: Test }
        teams:
          - id: tele
            name: Tele
            time_zone: Asia/Tokyo
            holidays: { country: JP }
        people:
          - { id: rep-1, name: Rep One, email: rep1@example.com, role: rep, team: tele }
          - { id: rep-2, name: Rep Two, email: rep2@example.com, role: rep, team: tele }
          - { id: lead, name: Lead, email: lead@example.com, role: lead, team: tele }
        kgis:
          - { id: goal, title: Goal, target: 1, unit: deals, start: 2027-04-01, deadline: 2028-03-31, owner: tele, from: [ { kpi: deals } ] }
        ksfs:
          - { id: reach, title: Reach, kgi: goal }
        kpis:
          - id: campaign
            title: Campaign calls
            ksf: reach
            target: 150
            unit: calls
            period: window
            start: 2027-04-26
            end: 2027-05-07
            owner: tele
          - { id: deals, title: Deals, ksf: reach, target: 1, unit: deals, period: year, owner: tele, source: reported }
        kdis:
          - id: calls
            title: Calls
            kpi: campaign
            target: 10
            unit: calls
            capacity_per_day: 10
        """;

    [Fact]
    public void Feasibility_WhenWindowHasPublicHolidays_CountsOnlyWorkingDays()
    {
        var result = GoalsYaml.Load(Campaign);

        Assert.False(result.HasErrors);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((DiagnosticCodes.KpiNotAchievable, 16), (warning.Code, warning.Location.Line));
        Assert.Equal(
            "KPI campaign: target 150 calls is not achievable by 2027-05-07; at most 120 (2 reps × 10 calls/day × 6 working days).",
            warning.Message(Localized.English));
    }

    [Fact]
    public void Feasibility_WithoutHolidayCalendar_CountsAllWeekdays()
    {
        // 2 reps × 10 × 10 weekdays = 200 ≥ 150: achievable, no warning.
        var result = GoalsYaml.Load(GoalsYaml.With(Campaign, "    holidays: { country: JP }", "    working_days: [mon, tue, wed, thu, fri]"));

        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    // + Saturday 2027-05-01: 7 working days → 2 × 10 × 7 = 140.
    [InlineData("    holidays: { country: JP }\n    extra_working_days: [2027-05-01]", 140, 7)]
    // − company holiday 2027-05-07: 5 working days → 2 × 10 × 5 = 100.
    [InlineData("    holidays: { country: JP, extra: [2027-05-07] }", 100, 5)]
    public void Feasibility_CountsExtraWorkingDaysAndExtraHolidays(string holidays, int most, int days)
    {
        var text = GoalsYaml.With(Campaign, "    holidays: { country: JP }", holidays);

        var warning = Assert.Single(GoalsYaml.Load(text).Warnings);

        Assert.Equal((decimal)most, warning.Arguments[4]);
        Assert.EndsWith($"at most {most} (2 reps × 10 calls/day × {days} working days).", warning.Message(Localized.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Feasibility_WhenTargetFitsCapacity_DoesNotWarn()
    {
        // 2 reps × 13 × 6 = 156 ≥ 150.
        var result = GoalsYaml.Load(GoalsYaml.With(Campaign, "    capacity_per_day: 10", "    capacity_per_day: 13"));

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Feasibility_WhenAKdiHasNoCapacity_DoesNotGuess()
    {
        var result = GoalsYaml.Load(GoalsYaml.With(Campaign, "    capacity_per_day: 10", "    cadence: daily"));

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Feasibility_WhenPersonalDailyTargetExceedsCapacity_Warns()
    {
        var result = GoalsYaml.Load(GoalsYaml.With(Campaign, "    target: 10", "    target: 12"));

        var warning = Assert.Single(result.Warnings, w => w.Code == DiagnosticCodes.KdiOverCapacity);
        Assert.Equal(
            "KDI calls: the target of 12 calls a day per person is more than one person can do (10 calls/day).",
            warning.Message(Localized.English));
    }

    [Fact]
    public void Feasibility_WhenWeeklyTeamTargetExceedsCapacity_ShowsTheWeek()
    {
        // 2 reps × 10 calls/day × 5 working days = 100 < 120 a week.
        var text = GoalsYaml.With(Campaign, "    target: 10", "    target: 120\n    cadence: weekly\n    per: team");

        var warning = Assert.Single(GoalsYaml.Load(text).Warnings, w => w.Code == DiagnosticCodes.KdiOverCapacity);

        Assert.Equal(
            "KDI calls: the team target of 120 calls a week is more than its reps can do; at most 100 (2 reps × 10 calls/day × 5 working days).",
            warning.Message(Localized.English));
        Assert.Equal(
            "KDI calls: チーム目標 週 120 calls は担当者の能力を超えています。最大 100（2人 × 10 calls/日 × 5営業日）。",
            warning.Message(Localized.Japanese));
    }
}
