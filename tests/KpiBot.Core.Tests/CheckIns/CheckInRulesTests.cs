using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Core.GoalsFile;
using KpiBot.Core.Resources;
using KpiBot.Core.Tests.GoalsFile;

namespace KpiBot.Core.Tests.CheckIns;

public class CheckInRulesTests
{
    private static readonly GoalsModel Sample = GoalsFileLoader.Load(GoalsYaml.SampleText(), "goals.yaml").Model!;
    private static readonly Person Tanaka = Sample.PeopleById["tanaka"];
    private static readonly Person Kato = Sample.PeopleById["kato"];
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static string? Problem(Person person, string node, DateOnly day, decimal value, bool confirmed = false) =>
        CheckInRules.Check(Sample, person, node, day, value, Today, confirmed)?.Message(Localized.English);

    [Fact]
    public void Check_AReasonableValueOfTheirOwnKdi_Passes()
    {
        Assert.Null(Problem(Tanaka, "daily-calls", Today, 27m));
        Assert.Null(Problem(Tanaka, "daily-calls", Today.AddDays(-30), 0m));
    }

    [Fact]
    public void Check_AnotherTeamsKdi_IsRefused_NamingBothTeams()
    {
        var problem = Problem(Tanaka, "calls", Today, 10m);

        Assert.Equal("The KDI 'calls' belongs to team telemarketing, not to 田中 健太's team sales.", problem);
    }

    [Fact]
    public void Check_UnknownNode_OrANodeThatTakesNoValues_IsRefused()
    {
        Assert.Equal("There is no KDI or KPI 'dialling' in the goals.", Problem(Tanaka, "dialling", Today, 1m));
        Assert.Contains("'new-customers' is a KSF", Problem(Tanaka, "new-customers", Today, 1m), StringComparison.Ordinal);
        Assert.Contains("'meetings' is a KPI", Problem(Tanaka, "meetings", Today, 1m), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FutureDay_IsRefused()
    {
        Assert.Equal("Sat 28 Nov 2026 is in the future; values can be recorded up to today (Fri 27 Nov 2026).", Problem(Tanaka, "daily-calls", Today.AddDays(1), 1m));
    }

    [Fact]
    public void Check_DayOutsideTheGoalWindow_IsRefused()
    {
        // The telemarketing KPI runs 2027-01-05..2027-03-04; the sales KGI from 2026-04-01.
        Assert.Equal("Thu 26 Nov 2026 is before the goal starts (Tue 5 Jan 2027).", Problem(Kato, "calls", Today.AddDays(-1), 10m));
        Assert.Equal("Tue 31 Mar 2026 is before the goal starts (Wed 1 Apr 2026).", Problem(Tanaka, "daily-calls", new DateOnly(2026, 3, 31), 10m));
        Assert.Equal(
            "Fri 5 Mar 2027 is after the goal ended (Thu 4 Mar 2027).",
            CheckInRules.Check(Sample, Kato, "calls", new DateOnly(2027, 3, 5), 10m, new DateOnly(2027, 3, 10))?.Message(Localized.English));
    }

    [Theory]
    [InlineData(-1, "The value must be 0 or more; -1 was given.")]
    [InlineData(1.23456, "1.23456 has more than 4 decimal places.")]
    public void Check_BadAmounts_AreRefused(decimal value, string message)
    {
        Assert.Equal(message, Problem(Tanaka, "daily-calls", Today, value));
    }

    [Fact]
    public void Check_MoreThanTenTimesTheTarget_AsksForConfirmation_AndPassesWhenConfirmed()
    {
        var problem = CheckInRules.Check(Sample, Tanaka, "daily-calls", Today, 201m, Today);

        Assert.NotNull(problem);
        Assert.True(problem.NeedsConfirmation);
        Assert.Null(Problem(Tanaka, "daily-calls", Today, 200m));
        Assert.Null(Problem(Tanaka, "daily-calls", Today, 201m, confirmed: true));
    }

    [Fact]
    public void Check_MessagesComeInJapaneseToo()
    {
        var problem = CheckInRules.Check(Sample, Tanaka, "daily-calls", Today, -1m, Today)!;

        Assert.Equal("値は 0 以上にしてください(-1 が指定されました)。", problem.Message(Localized.Japanese));
    }

    [Fact]
    public void Check_AFractionOfAUnitCountedInWholeThings_IsRefused_InTheReadersLanguage()
    {
        var problem = CheckInRules.Check(Sample, Tanaka, "daily-calls", Today, 2.5m, Today)!;

        Assert.False(problem.NeedsConfirmation);
        Assert.Equal("2.5 cannot be recorded: calls are counted in whole numbers.", problem.Message(Localized.English));
        Assert.Equal("2.5 は記録できません。整数で入力してください（単位: 件）。", problem.Message(Localized.Japanese));
        Assert.Null(Problem(Tanaka, "daily-calls", Today, 3m));
    }

    [Fact]
    public void Check_AFractionOfAUnitTheFileSaysIsNotWhole_IsRecorded()
    {
        var text = GoalsYaml.With(GoalsYaml.SampleText(), "    capacity_per_day: 40", "    capacity_per_day: 40\n    whole: false");
        var model = GoalsFileLoader.Load(text, "goals.yaml").Model!;

        Assert.Null(CheckInRules.Check(model, Tanaka, "daily-calls", Today, 2.5m, Today));
    }
}
