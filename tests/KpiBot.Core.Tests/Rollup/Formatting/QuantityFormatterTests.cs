using KpiBot.Core.Formatting;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Tests.Rollup.Formatting;

public class QuantityFormatterTests
{
    [Theory]
    [InlineData("JPY")]
    [InlineData("yen")]
    [InlineData("円")]
    public void Format_Yen_IsYenSignWithGroupsAndNoDecimals_InBothLanguages(string unit)
    {
        Assert.Equal("¥38,200,000", QuantityFormatter.Format(38_200_000m, unit, Localized.Japanese));
        Assert.Equal("¥38,200,000", QuantityFormatter.Format(38_200_000m, unit, Localized.English));
        Assert.Equal("¥1,235", QuantityFormatter.Format(1234.5m, unit, Localized.English));
        Assert.Equal("-¥500", QuantityFormatter.Format(-500m, unit, Localized.English));
    }

    [Fact]
    public void Format_Percent_ShowsTheFractionAsPercent_WithASpaceAndAtMostOneDecimal()
    {
        Assert.Equal("20 %", QuantityFormatter.Format(0.2m, "%", Localized.English));
        Assert.Equal("18.3 %", QuantityFormatter.Format(0.18333m, "%", Localized.Japanese));
    }

    [Fact]
    public void Format_Counts_KeepTheUnitAsWritten()
    {
        Assert.Equal("27 calls", QuantityFormatter.Format(27m, "calls", Localized.English));
        Assert.Equal("27件", QuantityFormatter.Format(27m, "件", Localized.Japanese));
        Assert.Equal("1,234.57 calls", QuantityFormatter.Format(1234.567m, "calls", Localized.English));
        Assert.Equal("5.55件", QuantityFormatter.Format(5.55m, "件", Localized.Japanese));
        Assert.Equal("12", QuantityFormatter.Format(12m, "", Localized.English));
    }

    [Fact]
    public void Format_InGerman_UsesItsSeparators()
    {
        var german = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

        Assert.Equal("1.234,5 calls", QuantityFormatter.Format(1234.5m, "calls", german));
    }
}
