using KpiBot.Core.GoalsFile;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Tests.GoalsFile;

public class WarningTests
{
    [Fact]
    public void Warnings_WhenKpiTakesActualsFromKdisButHasNone_WarnAndStillBuildTheModel()
    {
        var result = GoalsYaml.Load(GoalsYaml.With("    source: reported", "    source: kdis"));

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.KpiWithoutKdis, 23), (warning.Severity, warning.Code, warning.Location.Line));
        Assert.False(result.HasErrors);
        Assert.NotNull(result.Model);
    }

    [Fact]
    public void Warnings_WhenTeamHasNoPeople_Warns()
    {
        var result = GoalsYaml.Load(GoalsYaml.With("    holidays: { country: JP }", "    holidays: { country: JP }\n  - { id: empty, name: Empty, time_zone: UTC }"));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal((DiagnosticCodes.TeamWithoutPeople, 8), (warning.Code, warning.Location.Line));
        Assert.Equal("team 'empty' has no people.", warning.Message(Localized.English));
        Assert.Equal("チーム「empty」にメンバーがいません。", warning.Message(Localized.Japanese));
        Assert.NotNull(result.Model);
    }

    [Fact]
    public void Warnings_WhenSumRollupMixesUnits_Warns()
    {
        var result = GoalsYaml.Load(GoalsYaml.With("    from: [ { kpi: sales-amount } ]", "    from: [ { kpi: sales-amount }, { kpi: meetings } ]"));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal((DiagnosticCodes.KgiMixedUnits, 12), (warning.Code, warning.Location.Line));
        Assert.Equal("KGI 'revenue' sums KPI 'meetings' in meetings, but the KGI is in JPY.", warning.Message(Localized.English));
    }

    [Fact]
    public void Warnings_WhenWeightedRollupMixesUnits_DoNotWarn()
    {
        var text = GoalsYaml.With("    from: [ { kpi: sales-amount } ]", "    rollup: weighted\n    from: [ { kpi: sales-amount, weight: 3 }, { kpi: meetings } ]");

        var result = GoalsYaml.Load(text);

        Assert.Empty(result.Diagnostics);
        Assert.Equal([3m, 1m], result.Model!.Kgis[0].Contributions.Select(c => c.Weight));
    }
}
