using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Rollup;

namespace KpiBot.Core.Tests.Rollup;

public class PeriodLabelsTests
{
    [Theory]
    [InlineData(PeriodKind.Day, "2026-12-04", "2026-12-04", "on Fri 4 Dec", "12月4日（金）")]
    [InlineData(PeriodKind.Week, "2026-11-30", "2026-12-06", "in the week of Mon 30 Nov", "11月30日（月）の週")]
    [InlineData(PeriodKind.Month, "2026-11-01", "2026-11-30", "in November", "11月")]
    [InlineData(PeriodKind.Year, "2026-04-01", "2027-03-31", "in Apr 2026 – Mar 2027", "2026年4月〜2027年3月")]
    [InlineData(PeriodKind.Window, "2026-04-01", "2027-03-31", "to date, due 31 Mar 2027", "累計（期限 2027年3月31日）")]
    public void For_NamesThePeriodByItsDates(PeriodKind period, string start, string end, string english, string japanese)
    {
        var (from, to) = (DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(english, PeriodLabels.For(period, from, to, Localized.English));
        Assert.Equal(japanese, PeriodLabels.For(period, from, to, Localized.Japanese));
    }

    [Fact]
    public void Figures_OfOneKdi_InTwoPeriods_CannotBeReadAsOne()
    {
        // The digest once showed "calls 35 / 720" and "calls 35 / 120" for one KDI, unlabelled.
        var kdi = new Kdi("calls", "Calls", "meetings", 20m, "calls", KdiCadence.Daily, "sales",
            UnitNames: new Dictionary<string, string> { ["en"] = "calls", ["ja"] = "件" });
        var month = new RollupNode(kdi, new PeriodWindow(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), null, new Dictionary<string, ProgressFigures>(), [], Period: PeriodKind.Month);
        var week = month with { Window = new PeriodWindow(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6)), Period = PeriodKind.Week };

        Assert.Equal("35 calls / 720 calls in November", PeriodLabels.Figures(month, 35m, 720m, Localized.English));
        Assert.Equal("35 calls / 120 calls in the week of Mon 30 Nov", PeriodLabels.Figures(week, 35m, 120m, Localized.English));
        Assert.Equal("11月 35件 / 720件", PeriodLabels.Figures(month, 35m, 720m, Localized.Japanese));
        Assert.Equal("11月30日（月）の週 35件 / 120件", PeriodLabels.Figures(week, 35m, 120m, Localized.Japanese));
    }
}
