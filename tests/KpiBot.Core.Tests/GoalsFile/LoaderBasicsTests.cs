using KpiBot.Core.Goals;
using KpiBot.Core.GoalsFile;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Tests.GoalsFile;

public class LoaderBasicsTests
{
    [Fact]
    public void Load_WhenFileIsValid_BuildsTheModelWithDefaultsAndLines()
    {
        var result = GoalsYaml.Load(GoalsYaml.Valid);

        Assert.False(result.HasErrors);
        Assert.Empty(result.Diagnostics);
        var model = Assert.IsType<GoalsModel>(result.Model);
        Assert.Equal(4, model.Organization.FiscalYearStartMonth);
        Assert.Equal("ja", model.Organization.Locale);
        var team = Assert.Single(model.Teams);
        Assert.Equal(Team.MondayToFriday, team.WorkingDays);
        Assert.Equal("JP", team.HolidayCountry);
        var calls = (Kdi)model.NodesById["calls"];
        Assert.Equal("sales", calls.TeamId); // taken from the KPI's owner
        Assert.Equal(KdiCadence.Daily, calls.Cadence);
        Assert.Equal(TargetScope.Person, calls.Scope);
        Assert.Equal(0.05m, calls.ConversionRate);
        Assert.Equal(new SourceLocation("goals.yaml", 39, 5), calls.Source);
        Assert.Equal(KpiSource.Kdis, ((Kpi)model.NodesById["meetings"]).ActualsFrom);
    }

    [Fact]
    public void Load_WhenYamlIsBroken_ReportsSyntaxErrorWithItsLine()
    {
        var result = GoalsYaml.Load(GoalsYaml.With("    title: Meetings", "    title: [Meetings"));

        Assert.True(result.HasErrors);
        Assert.Null(result.Model);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.Syntax, error.Code);
        Assert.InRange(error.Location.Line, 32, 33);
        Assert.StartsWith("goals.yaml:3", error.Format(Localized.English), StringComparison.Ordinal);
        Assert.StartsWith("YAML の構文エラー: ", error.Message(Localized.Japanese), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# only a comment\n")]
    public void Load_WhenFileIsEmpty_ReportsEmptyFile(string text)
    {
        var result = GoalsYaml.Load(text);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.EmptyFile, error.Code);
        Assert.Equal(1, error.Location.Line);
        Assert.Null(result.Model);
    }

    [Fact]
    public void Load_WhenRootIsAList_ReportsWrongShape()
    {
        var result = GoalsYaml.Load("- organization\n- teams\n");

        Assert.Equal([(DiagnosticCodes.WrongShape, 1)], GoalsYaml.Errors(result));
    }

    [Fact]
    public void Load_WhenSectionsAreMissing_ReportsEachOne()
    {
        var result = GoalsYaml.Load("kgis: []\n");

        Assert.Equal(
            ["organization", "teams", "people"],
            result.Errors.Where(e => e.Code == DiagnosticCodes.MissingKey).Select(e => (string)e.Arguments[1]!));
    }

    [Fact]
    public void Load_WhenAKeyIsDuplicated_ReportsSyntaxErrorAtTheSecondKey()
    {
        var result = GoalsYaml.Load(GoalsYaml.With("    unit: calls", "    unit: calls\n    unit: calls"));

        Assert.Equal([(DiagnosticCodes.Syntax, 44)], GoalsYaml.Errors(result));
    }

    [Fact]
    public void Load_ReadsUnderscoredNumbersPercentagesAndAnExplicitKdiTeam()
    {
        var text = GoalsYaml.With("    target: 20", "    target: 2_000");
        text = GoalsYaml.With(text, "    conversion_rate: 0.05", "    conversion_rate: 5%\n    team: other");
        text = GoalsYaml.With(text, "    holidays: { country: JP }", "    holidays: { country: JP }\n  - { id: other, name: Other, time_zone: Tokyo Standard Time }");
        text = GoalsYaml.With(text, "  - { id: rep-2, name: Rep Two, email: rep2@example.com, role: rep, team: sales }",
            "  - { id: rep-2, name: Rep Two, email: rep2@example.com, role: rep, team: other }");

        var result = GoalsYaml.Load(text);

        Assert.Empty(result.Diagnostics);
        var model = result.Model!;
        var calls = (Kdi)model.NodesById["calls"];
        Assert.Equal(2_000m, calls.Target);
        Assert.Equal((0.05m, "other"), (calls.ConversionRate, calls.TeamId));
        Assert.Equal("Tokyo Standard Time", model.TeamsById["other"].TimeZone);
    }

    [Fact]
    public void Load_JudgeAfter_IsReadWithADefaultOfThreeWorkingDays()
    {
        Assert.Equal(3, GoalsYaml.Load(GoalsYaml.Valid).Model!.Organization.StatusThresholds.JudgeAfterDays);

        var text = GoalsYaml.With("  name: Test", "  name: Test\n  thresholds: { on_track: 0.9, judge_after: 5 }");
        var thresholds = GoalsYaml.Load(text).Model!.Organization.StatusThresholds;
        Assert.Equal(new StatusThresholds(0.9m, 0.80m, 5), thresholds);

        var bad = GoalsYaml.Load(GoalsYaml.With("  name: Test", "  name: Test\n  thresholds: { judge_after: 0 }"));
        Assert.Contains(bad.Errors, e => e.Code == "KPB020");
    }
}
