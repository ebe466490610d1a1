using KpiBot.Core.Goals;
using KpiBot.Core.GoalsFile;
using KpiBot.Core.Resources;
using KpiBot.Core.Tests.GoalsFile;

namespace KpiBot.Core.Tests.Outcomes;

/// <summary><c>reported_by</c>, <c>report_every</c> and <c>source: api</c> in the goals file.</summary>
public class ReportingFileTests
{
    [Fact]
    public void ReportedBy_IsReadForKpisAndKgis_WithCadences()
    {
        var model = OutcomeGoals.Model;

        Assert.Equal(new OutcomeReporting(ReporterKind.Person, PeriodKind.Week), ((Kpi)model.NodesById["meetings"]).Reporting);
        Assert.Equal(new OutcomeReporting(ReporterKind.Lead, PeriodKind.Month), ((Kpi)model.NodesById["sales-amount"]).Reporting);
        Assert.Equal(KpiSource.Kdis, ((Kpi)model.NodesById["sales-amount"]).ActualsFrom);
        Assert.Equal(new OutcomeReporting(ReporterKind.Api, PeriodKind.Month), ((Kpi)model.NodesById["renewals"]).Reporting);
        Assert.Equal(KpiSource.Reported, ((Kpi)model.NodesById["renewals"]).ActualsFrom);
        Assert.Equal(new OutcomeReporting(ReporterKind.Owner, PeriodKind.Month, "lead@example.com"), ((Kpi)model.NodesById["won"]).Reporting);
        Assert.Null(((Kgi)model.NodesById["revenue"]).Reporting);
        Assert.Null(((Kpi)GoalsFileLoader.Load(GoalsYaml.Valid, "g.yaml").Model!.NodesById["meetings"]).Reporting);
    }

    [Fact]
    public void SourceReported_WithoutReportedBy_IsReportedByTheLead_AsOftenAsItsPeriod()
    {
        var model = GoalsFileLoader.Load(GoalsYaml.Valid, "g.yaml").Model!;

        Assert.Equal(new OutcomeReporting(ReporterKind.Lead, PeriodKind.Month), ((Kpi)model.NodesById["sales-amount"]).Reporting);
    }

    [Fact]
    public void AKgi_CanBeReported()
    {
        var model = OutcomeGoals.Load(OutcomeGoals.Yaml.Replace(
            "owner: sales, from: [ { kpi: sales-amount }, { kpi: renewals } ] }",
            "owner: sales, reported_by: api, report_every: quarter, from: [ { kpi: sales-amount }, { kpi: renewals } ] }", StringComparison.Ordinal));

        Assert.Equal(new OutcomeReporting(ReporterKind.Api, PeriodKind.Quarter), ((Kgi)model.NodesById["revenue"]).Reporting);
    }

    [Theory]
    [InlineData("reported_by: person, report_every: week", "reported_by: boss", DiagnosticCodes.BadEnum, "Allowed: lead, person, api, owner EMAIL")]
    [InlineData("reported_by: person, report_every: week", "reported_by: person, report_every: year", DiagnosticCodes.BadEnum, "Allowed: day, week, month, quarter")]
    [InlineData("reported_by: owner lead@example.com", "reported_by: owner nobody@example.com", DiagnosticCodes.UnknownReference, "names no person")]
    [InlineData("reported_by: owner lead@example.com", "reported_by: owner lead", DiagnosticCodes.BadEnum, "owner EMAIL")]
    [InlineData("source: api }", "source: api, reported_by: lead }", DiagnosticCodes.BadEnum, "'source: api'")]
    [InlineData("reported_by: person, report_every: week", "report_every: week", DiagnosticCodes.MissingKey, "reported_by")]
    public void BadReporting_IsAnErrorWithAClearMessage(string line, string replacement, string code, string words)
    {
        var result = GoalsFileLoader.Load(OutcomeGoals.Yaml.Replace(line, replacement, StringComparison.Ordinal), "goals.yaml");

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(code, error.Code);
        Assert.Contains(words, error.Format(Localized.English), StringComparison.Ordinal);
        Assert.Null(result.Model);
    }

    [Fact]
    public void ARatio_CannotBeReported()
    {
        var yaml = OutcomeGoals.Yaml.Replace(
            "  - { id: won,",
            "  - { id: hit-rate, title: Hit rate, ksf: new-business, target: 5%, unit: \"%\", period: month, owner: sales, numerator: meetings, denominator: calls, reported_by: lead }\n  - { id: won,",
            StringComparison.Ordinal);

        var result = GoalsFileLoader.Load(yaml, "goals.yaml");

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("cannot be reported", error.Format(Localized.English), StringComparison.Ordinal);
        Assert.Contains("比率", error.Format(Localized.Japanese), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSample_HasReportedOutcomes()
    {
        var model = GoalsFileLoader.Load(GoalsYaml.SampleText(), "goals.yaml").Model!;

        Assert.Equal(ReporterKind.Person, ((Kpi)model.NodesById["meetings"]).Reporting!.By);
        Assert.Equal(ReporterKind.Lead, ((Kpi)model.NodesById["new-sales"]).Reporting!.By);
        Assert.Equal(ReporterKind.Api, ((Kpi)model.NodesById["dormant-sales"]).Reporting!.By);
    }
}
