using KpiBot.Core.Formatting;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Tests.Formatting;

public class UnitsTests
{
    private static readonly Dictionary<string, string> Referrals = new() { ["en"] = "referrals", ["ja"] = "件" };

    private static Kdi Kdi(decimal target, string unit, IReadOnlyDictionary<string, string>? names = null, bool? whole = null) =>
        new("k", "K", "p", target, unit, KdiCadence.Daily, "sales", UnitNames: names, Whole: whole);

    private static Kgi Kgi(string unit) =>
        new("g", "G", 100m, unit, new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31), null, KgiRollup.Sum, []);

    private static Kpi Kpi(decimal target, string unit, Aggregation aggregation) =>
        new("p", "P", "f", target, unit, PeriodKind.Month, "sales", aggregation, KpiSource.Reported);

    [Fact]
    public void Format_ACount_IsWhole_FromTheExactValue_InTheReadersLanguage()
    {
        var referrals = Kdi(2m, "referrals", Referrals);

        // "2 / 7.71 referrals" was what a prorated target looked like; people count whole referrals.
        Assert.Equal("8 referrals", QuantityFormatter.Format(7.71m, referrals, Localized.English));
        Assert.Equal("8件", QuantityFormatter.Format(7.71m, referrals, Localized.Japanese));
        Assert.Equal("4 referrals", QuantityFormatter.Format(3.5m, referrals, Localized.English));   // halves away from zero
        Assert.Equal("1,235 referrals", QuantityFormatter.Format(1234.5m, referrals, Localized.English));
    }

    [Fact]
    public void Format_WhatIsStillNeeded_IsRoundedUp_SoItIsNeverLessThanNeeded()
    {
        var calls = Kdi(20m, "calls");

        Assert.Equal("8 calls", QuantityFormatter.Format(7.2m, calls, Localized.English, QuantityRounding.Up));
        Assert.Equal("7 calls", QuantityFormatter.Format(7m, calls, Localized.English, QuantityRounding.Up));
        Assert.Equal("7.21 hours", QuantityFormatter.Format(7.201m, Kdi(8m, "hours"), Localized.English, QuantityRounding.Up));
    }

    [Fact]
    public void Format_Money_IsInTheCurrencysUnits()
    {
        Assert.Equal("¥1,235", QuantityFormatter.Format(1234.5m, Kgi("JPY"), Localized.English));
        Assert.Equal("¥1,235", QuantityFormatter.Format(1234.5m, Kgi("円"), Localized.Japanese));
        Assert.Equal("$1,250.50", QuantityFormatter.Format(1250.5m, Kgi("USD"), Localized.English));
        Assert.Equal("$1,250.00", QuantityFormatter.Format(1250m, Kgi("USD"), Localized.English));
        Assert.Equal("-$3.14", QuantityFormatter.Format(-3.14159m, Kgi("USD"), Localized.English));
        Assert.Equal("1,250.50 CHF", QuantityFormatter.Format(1250.5m, Kgi("CHF"), Localized.English));
    }

    [Fact]
    public void Format_ARate_HasOneDecimal()
    {
        var rate = Kpi(0.2m, "%", Aggregation.Ratio);

        Assert.Equal("18.3 %", QuantityFormatter.Format(0.18333m, rate, Localized.English));
        Assert.Equal("20 %", QuantityFormatter.Format(0.2m, rate, Localized.Japanese));
    }

    [Fact]
    public void Format_AMeasureOrAnAverage_KeepsUpToTwoDecimals_EvenWithAWholeTarget()
    {
        Assert.Equal("7.5 hours", QuantityFormatter.Format(7.5m, Kdi(8m, "hours"), Localized.English));
        Assert.Equal("7.5時間", QuantityFormatter.Format(7.5m, Kdi(8m, "時間"), Localized.Japanese));
        Assert.Equal("4.33 points", QuantityFormatter.Format(4.3333m, Kpi(5m, "points", Aggregation.Average), Localized.English));
        Assert.Equal("2.5 calls", QuantityFormatter.Format(2.5m, Kdi(2.5m, "calls"), Localized.English));   // a target with a fraction
    }

    [Fact]
    public void TakesWholeValuesOnly_IsWhatTheFileSays_ElseACountOrMoneyWithoutMinorUnits()
    {
        Assert.True(Units.TakesWholeValuesOnly(Kdi(20m, "calls")));
        Assert.True(Units.TakesWholeValuesOnly(Kgi("JPY")));
        Assert.False(Units.TakesWholeValuesOnly(Kgi("USD")));
        Assert.False(Units.TakesWholeValuesOnly(Kdi(8m, "hours")));
        Assert.False(Units.TakesWholeValuesOnly(Kdi(20m, "calls", whole: false)));
        Assert.True(Units.TakesWholeValuesOnly(Kdi(8m, "hours", whole: true)));
        Assert.False(Units.TakesWholeValuesOnly(Kpi(5m, "points", Aggregation.Average)));
    }

    [Fact]
    public void Name_IsTheReadersLanguage_ThenTheFirstGiven_AndAPlainStringForAll()
    {
        var named = Kdi(20m, "calls", new Dictionary<string, string> { ["en"] = "calls", ["ja"] = "件" });
        var englishOnly = Kdi(20m, "calls", new Dictionary<string, string> { ["en"] = "calls" });

        Assert.Equal("件", Units.Name(named, Localized.Japanese));
        Assert.Equal("calls", Units.Name(named, Localized.English));
        Assert.Equal("calls", Units.Name(englishOnly, Localized.Japanese));
        Assert.Equal("calls", Units.Name(Kdi(20m, "calls"), Localized.Japanese));
    }
}
