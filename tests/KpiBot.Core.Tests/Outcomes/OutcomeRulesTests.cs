using KpiBot.Core.CheckIns;
using KpiBot.Core.Outcomes;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Tests.Outcomes;

/// <summary>Who may report what, and the checks every reported value passes.</summary>
public class OutcomeRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static OutcomeProblem? Check(string node, string? reporter, decimal value = 10m, DateOnly? day = null, string? forPerson = null, bool confirmed = false) =>
        OutcomeRules.Check(OutcomeGoals.Model,
            new OutcomeReport(node, day ?? Today, value, CheckInSources.Cli, "t",
                reporter is null ? null : OutcomeGoals.Model.PeopleById[reporter], forPerson, Confirmed: confirmed),
            Today);

    [Theory]
    [InlineData("sales-amount", "lead", null)]
    [InlineData("sales-amount", "boss", null)]                  // an admin reports anything
    [InlineData("sales-amount", "rep-1", "NotYourOutcome")]
    [InlineData("sales-amount", "helper", "NotYourOutcome")]
    [InlineData("meetings", "rep-1", null)]                      // their own
    [InlineData("meetings", "lead", null)]                       // a member of the team, for themselves
    [InlineData("meetings", "helper", "NotYourOutcome")]         // another team
    [InlineData("won", "lead", null)]                            // owner lead@example.com
    [InlineData("won", "rep-1", "NotYourOutcome")]
    [InlineData("renewals", "lead", "ApiOnly")]                  // pushed by another system
    [InlineData("renewals", "boss", null)]
    [InlineData("renewals", null, null)]                         // the API or the command line
    [InlineData("calls", "lead", "NotAnOutcome")]
    [InlineData("revenue", "boss", "NotAnOutcome")]
    [InlineData("nothing", "boss", "UnknownOutcome")]
    public void WhoMayReport(string node, string? reporter, string? code)
    {
        Assert.Equal(code, Check(node, reporter)?.Code);
    }

    [Fact]
    public void ARefusal_SaysWhoReports_InTheirLanguage()
    {
        var problem = Check("sales-amount", "rep-1")!;

        Assert.Equal("Sales amount is reported by the leads of Sales.", problem.Message(Localized.English));
        Assert.Equal("Sales amountを報告するのはSalesのリーダーです。", problem.Message(Localized.Japanese));
        Assert.Equal("node", problem.Field);
    }

    [Fact]
    public void PerPersonOutcomes_NeedAPersonOfTheTeam()
    {
        Assert.Equal("PersonRequired", Check("meetings", null)?.Code);
        Assert.Equal("NotInTeam", Check("meetings", null, forPerson: "helper")?.Code);
        Assert.Equal("UnknownPerson", Check("meetings", null, forPerson: "ghost")?.Code);
        Assert.Null(Check("meetings", null, forPerson: "rep-2"));
    }

    [Theory]
    [InlineData("2026-11-28", "10", "FutureDay", "date")]
    [InlineData("2026-03-31", "10", "BeforeGoal", "date")]
    [InlineData("2026-11-27", "-1", "Negative", "value")]
    [InlineData("2026-11-27", "1.00001", "TooPrecise", "value")]
    [InlineData("2026-11-27", "100000001", "TooLarge", "value")]
    public void BadDaysAndValues_AreRefused_NamingTheField(string day, string value, string code, string field)
    {
        var problem = Check("sales-amount", "lead", decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((code, field), (problem?.Code, problem?.Field));
    }

    [Fact]
    public void ALargeValue_PassesOnceConfirmed()
    {
        Assert.True(Check("sales-amount", "lead", 100_000_001m)!.NeedsConfirmation);
        Assert.Null(Check("sales-amount", "lead", 100_000_001m, confirmed: true));
    }

    [Theory]
    [InlineData("1,200,000", "en", 1_200_000)]
    [InlineData("¥1,200,000", "ja", 1_200_000)]
    [InlineData("￥１，２００，０００", "ja", 1_200_000)]
    [InlineData("1,200,000円", "ja", 1_200_000)]
    [InlineData("120万", "ja", 1_200_000)]
    [InlineData("1.5億", "ja", 150_000_000)]
    [InlineData("3", "en", 3)]
    [InlineData("2.5", "en", 2.5)]
    [InlineData("-4", "en", -4)]
    public void Amounts_AreReadAsPeopleWriteThem(string text, string language, decimal expected)
    {
        Assert.True(AmountParser.TryParse(text, Localized.CultureFor(language), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("¥")]
    [InlineData("1,2,3x")]
    public void NonAmounts_AreNotRead(string text)
    {
        Assert.False(AmountParser.TryParse(text, Localized.English, out _));
    }
}
