using KpiBot.Core.Formatting;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Tests.Formatting;

public class DatesTests
{
    private static readonly DateOnly Friday = new(2026, 12, 4);

    [Fact]
    public void Day_IsUnambiguous_InBothLanguages()
    {
        // Never 12/4/2026, which half the world reads as the 12th of April.
        Assert.Equal("Fri 4 Dec", Dates.Day(Friday, Localized.English));
        Assert.Equal("12月4日（金）", Dates.Day(Friday, Localized.Japanese));
        Assert.Equal("Fri 4 Dec 2026", Dates.DayWithYear(Friday, Localized.English));
        Assert.Equal("2026年12月4日（金）", Dates.DayWithYear(Friday, Localized.Japanese));
    }

    [Fact]
    public void Range_WritesTheMonthOnce_WhenBothEndsShareIt()
    {
        Assert.Equal("2 – 8 Nov", Dates.Range(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 8), Localized.English));
        Assert.Equal("30 Nov – 6 Dec", Dates.Range(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6), Localized.English));
        Assert.Equal("11月2日〜8日", Dates.Range(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 8), Localized.Japanese));
        Assert.Equal("11月30日〜12月6日", Dates.Range(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6), Localized.Japanese));
    }

    [Fact]
    public void Iso_IsForTheCommandLineAndExports_WhateverTheCulture()
    {
        Assert.Equal("2026-12-04", Dates.Iso(Friday));
    }
}
