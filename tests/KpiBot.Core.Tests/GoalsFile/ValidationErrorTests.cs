using KpiBot.Core.GoalsFile;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Tests.GoalsFile;

/// <summary>Each kind of error, made by changing one line of <see cref="GoalsYaml.Valid"/>, reported at its line.</summary>
public class ValidationErrorTests
{
    [Theory]
    // missing SMART parts
    [InlineData("    target: 20", "    cadence: daily", DiagnosticCodes.MissingKey, 39)]
    [InlineData("    unit: meetings", "    aggregation: sum", DiagnosticCodes.MissingKey, 31)]
    [InlineData("    period: month", "    aggregation: sum", DiagnosticCodes.MissingKey, 31)]
    [InlineData("    deadline: 2028-03-31", "    baseline: 0", DiagnosticCodes.MissingKey, 12)]
    // unknown references
    [InlineData("    kpi: meetings", "    kpi: meeting", DiagnosticCodes.UnknownReference, 41)]
    [InlineData("  - { id: new-business, title: New business, kgi: revenue }", "  - { id: new-business, title: New business, kgi: revenu }", DiagnosticCodes.UnknownReference, 21)]
    [InlineData("  - { id: rep-1, name: Rep One, email: rep1@example.com, role: rep, team: sales }", "  - { id: rep-1, name: Rep One, email: rep1@example.com, role: rep, team: sale }", DiagnosticCodes.UnknownReference, 9)]
    [InlineData("    from: [ { kpi: sales-amount } ]", "    from: [ { kpi: sales-amt } ]", DiagnosticCodes.UnknownReference, 19)]
    [InlineData("    kpi: meetings", "    kpi: new-business", DiagnosticCodes.WrongKind, 41)]
    [InlineData("    unit: calls", "    unit: calls\n    team: nobody", DiagnosticCodes.UnknownReference, 44)]
    [InlineData("    period: month", "    period: month\n    numerator: calls\n    denominator: revenue", DiagnosticCodes.WrongKind, 38)]
    // duplicates
    [InlineData("  - { id: rep-2, name: Rep Two, email: rep2@example.com, role: rep, team: sales }", "  - { id: rep-1, name: Rep Two, email: rep2@example.com, role: rep, team: sales }", DiagnosticCodes.DuplicateId, 10)]
    [InlineData("  - { id: rep-2, name: Rep Two, email: rep2@example.com, role: rep, team: sales }", "  - { id: rep-2, name: Rep Two, email: REP1@example.com, role: rep, team: sales }", DiagnosticCodes.DuplicateEmail, 10)]
    [InlineData("    conversion_rate: 0.05", "    conversion_rate: 0.05\n  - { id: meetings, title: Again, kpi: meetings, target: 1, unit: calls }", DiagnosticCodes.DuplicateId, 45)]
    [InlineData("    holidays: { country: JP }", "    holidays: { country: JP }\n  - { id: sales, name: Again, time_zone: UTC }", DiagnosticCodes.DuplicateId, 8)]
    // values
    [InlineData("    time_zone: Asia/Tokyo", "    time_zone: Asia/Tokio", DiagnosticCodes.BadTimeZone, 6)]
    [InlineData("  - { id: rep-1, name: Rep One, email: rep1@example.com, role: rep, team: sales }", "  - { id: rep-1, name: Rep One, email: rep1@example.com, role: rep, team: sales, time_zone: Nowhere/City }", DiagnosticCodes.BadTimeZone, 9)]
    [InlineData("  - { id: rep-1, name: Rep One, email: rep1@example.com, role: rep, team: sales }", "  - { id: rep-1, name: Rep One, email: rep1.example.com, role: rep, team: sales }", DiagnosticCodes.BadEmail, 9)]
    [InlineData("    start: 2027-04-01", "    start: 2027-02-30", DiagnosticCodes.BadDate, 16)]
    [InlineData("    start: 2027-04-01", "    start: 2027/04/01", DiagnosticCodes.BadDate, 16)]
    [InlineData("    deadline: 2028-03-31", "    deadline: 2027-03-31", DiagnosticCodes.EndBeforeStart, 17)]
    [InlineData("    target: 20", "    target: 0", DiagnosticCodes.NotPositive, 42)]
    [InlineData("    target: 20", "    target: -5", DiagnosticCodes.NotPositive, 42)]
    [InlineData("    conversion_rate: 0.05", "    conversion_rate: 0", DiagnosticCodes.NotPositive, 44)]
    [InlineData("    holidays: { country: JP }", "    holidays: { country: XX }", DiagnosticCodes.UnknownCountry, 7)]
    [InlineData("    period: month", "    period: fortnight", DiagnosticCodes.BadEnum, 36)]
    [InlineData("    target: 20", "    target: abc", DiagnosticCodes.NotANumber, 42)]
    [InlineData("    target: 20", "    target: [1, 2]", DiagnosticCodes.WrongShape, 42)]
    [InlineData("  - id: calls", "  - id: Calls_1", DiagnosticCodes.BadId, 39)]
    [InlineData("  name: Test", "  name: Test\n  fiscal_year_start_month: 13", DiagnosticCodes.OutOfRange, 3)]
    public void Validate_WhenOneLineIsWrong_ReportsOneErrorAtThatLine(string line, string replacement, string code, int expectedLine)
    {
        var result = GoalsYaml.Load(GoalsYaml.With(line, replacement));

        Assert.Equal([(code, expectedLine)], GoalsYaml.Errors(result));
        Assert.Null(result.Model);
    }

    [Fact]
    public void Validate_WhenKdiHasNoKpi_ReportsLineAndSaysWhyAParentIsNeeded()
    {
        var result = GoalsYaml.Load(GoalsYaml.With("    kpi: meetings", "    team: sales"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((DiagnosticCodes.MissingParent, 39), (error.Code, error.Location.Line));
        Assert.Equal(
            "goals.yaml:39: error KPB006: KDI 'calls' has no 'kpi': every goal must be attached to its parent (relevant).",
            error.Format(Localized.English));
    }

    [Fact]
    public void Validate_WhenKeyIsMisspelt_ReportsUnknownKeyWithClosestKey()
    {
        var result = GoalsYaml.Load(GoalsYaml.With("    title: Meetings", "    titel: Meetings"));

        Assert.Equal([(DiagnosticCodes.MissingKey, 31), (DiagnosticCodes.UnknownKey, 32)], GoalsYaml.Errors(result));
        var unknown = result.Errors.Single(e => e.Code == DiagnosticCodes.UnknownKey);
        Assert.Equal("title", unknown.Suggestion);
        Assert.Equal("Unknown key 'titel' in KPI 'meetings'. Did you mean 'title'?", unknown.Message(Localized.English));
    }

    [Fact]
    public void Validate_WhenReferenceIsMisspelt_SuggestsTheClosestIdOfTheRightKind()
    {
        var result = GoalsYaml.Load(GoalsYaml.With("    kpi: meetings", "    kpi: meeting"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("meetings", error.Suggestion);
        Assert.Equal("KDI 'calls': there is no KPI 'meeting'. Did you mean 'meetings'?", error.Message(Localized.English));
    }

    [Fact]
    public void Validate_WhenEnumValueIsWrong_ListsTheAllowedValues()
    {
        var result = GoalsYaml.Load(GoalsYaml.With("    period: month", "    period: fortnight"));

        Assert.Equal(
            "'fortnight' is not allowed for 'period'. Allowed: day, week, month, quarter, year, window.",
            Assert.Single(result.Errors).Message(Localized.English));
    }

    [Fact]
    public void Validate_WhenHolidayCountryIsUnknown_ListsTheSupportedCountries()
    {
        var result = GoalsYaml.Load(GoalsYaml.With("    holidays: { country: JP }", "    holidays: { country: XX }"));

        var message = Assert.Single(result.Errors).Message(Localized.English);
        Assert.StartsWith("There is no holiday calendar for country 'XX'. Supported countries: AT, AU,", message, StringComparison.Ordinal);
        Assert.Contains(", JP, ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenRatioAndDerivedInputsLoop_ReportsTheChainOnce()
    {
        var text = GoalsYaml.With("kdis:", """
              - id: conversion
                title: Conversion
                ksf: new-business
                target: 10%
                unit: "%"
                period: month
                owner: sales
                numerator: won
                denominator: meetings
              - id: won
                title: Won deals
                ksf: new-business
                target: 3
                unit: deals
                period: month
                owner: sales
                derived_from: [ { node: conversion, rate: 1 } ]
            kdis:
            """.Replace("\r", string.Empty, StringComparison.Ordinal));

        var result = GoalsYaml.Load(text);

        var error = Assert.Single(result.Errors);
        Assert.Equal((DiagnosticCodes.Cycle, 38), (error.Code, error.Location.Line));
        Assert.Equal("KPI 'conversion' depends on itself: conversion → won → conversion.", error.Message(Localized.English));
    }

    [Fact]
    public void Validate_WhenRatioKpiHasNoOperands_ReportsBothMissing()
    {
        var result = GoalsYaml.Load(GoalsYaml.With("    period: month", "    period: month\n    source: ratio"));

        Assert.Equal(
            ["numerator", "denominator"],
            result.Errors.Select(e => (string)e.Arguments[1]!));
        Assert.All(result.Errors, e => Assert.Equal((DiagnosticCodes.MissingKey, 31), (e.Code, e.Location.Line)));
    }
}
