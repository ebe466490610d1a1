using KpiBot.Core.GoalsFile;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Tests.GoalsFile;

public class ManyErrorsTests
{
    [Fact]
    public void Validate_WhenManyThingsAreWrong_ReportsThemAllInLineOrder()
    {
        var text = GoalsYaml.With("    time_zone: Asia/Tokyo", "    time_zone: Mars/Olympus");
        text = GoalsYaml.With(text, "  - { id: rep-2, name: Rep Two, email: rep2@example.com, role: rep, team: sales }",
            "  - { id: rep-2, name: Rep Two, email: rep2@example.com, role: boss, team: sales }");
        text = GoalsYaml.With(text, "    deadline: 2028-03-31", "    deadline: 2027-01-01");
        text = GoalsYaml.With(text, "    target: 10", "    target: ten");
        text = GoalsYaml.With(text, "    kpi: meetings", "    kpi: meeting");
        text = GoalsYaml.With(text, "    conversion_rate: 0.05", "    conversion_rat: 0.05");

        var result = GoalsYaml.Load(text);

        Assert.Equal(
            [
                (DiagnosticCodes.BadTimeZone, 6),
                (DiagnosticCodes.BadEnum, 10),
                (DiagnosticCodes.EndBeforeStart, 17),
                (DiagnosticCodes.NotANumber, 34),
                (DiagnosticCodes.UnknownReference, 41),
                (DiagnosticCodes.UnknownKey, 44),
            ],
            GoalsYaml.Errors(result));
        Assert.Null(result.Model);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Diagnostics_ReadInEnglishAndJapanese()
    {
        var result = GoalsYaml.Load(GoalsYaml.With("    deadline: 2028-03-31", "    deadline: 2027-01-01"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(
            "goals.yaml:17: error KPB014: KGI 'revenue': deadline 2027-01-01 is before start 2027-04-01.",
            error.Format(Localized.English));
        Assert.Equal(
            "goals.yaml:17: error KPB014: KGI「revenue」: deadline（2027-01-01）が start（2027-04-01）より前です。",
            error.Format(Localized.Japanese));
    }

    [Fact]
    public void Diagnostics_FormatNumbersByCulture()
    {
        var notPositive = GoalsYaml.Load(GoalsYaml.With("    target: 20", "    target: -12_500.5"));

        Assert.Equal(
            "'target' must be greater than 0, but is -12,500.5.",
            Assert.Single(notPositive.Errors).Message(Localized.English));
        Assert.Equal(
            "「target」は 0 より大きくしてください（-12,500.5 になっています）。",
            Assert.Single(notPositive.Errors).Message(Localized.Japanese));
    }
}
