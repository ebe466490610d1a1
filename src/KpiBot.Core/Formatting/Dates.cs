using System.Globalization;

namespace KpiBot.Core.Formatting;

/// <summary>
/// Days as people read them in chat, never as an ambiguous 12/4/2026: "Fri 4 Dec" / 「12月4日（金）」, with the
/// year when it matters ("Fri 4 Dec 2026" / 「2026年12月4日（金）」). The command line and exports write ISO
/// (<see cref="Iso"/>).
/// </summary>
public static class Dates
{
    public static string Day(DateOnly day, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return day.ToString(IsJapanese(culture) ? "M月d日（ddd）" : "ddd d MMM", culture);
    }

    public static string DayWithYear(DateOnly day, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return day.ToString(IsJapanese(culture) ? "yyyy年M月d日（ddd）" : "ddd d MMM yyyy", culture);
    }

    /// <summary>
    /// A span of days, the month written once when both ends share it: "30 Nov – 6 Dec", "2 – 8 Nov" /
    /// 「11月30日〜12月6日」「11月2日〜8日」.
    /// </summary>
    public static string Range(DateOnly start, DateOnly end, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var sameMonth = start.Year == end.Year && start.Month == end.Month;
        if (IsJapanese(culture))
        {
            return start.ToString("M月d日", culture) + "〜" + end.ToString(sameMonth ? "d日" : "M月d日", culture);
        }

        return (sameMonth ? start.Day.ToString(culture) : start.ToString("d MMM", culture)) + " – " + end.ToString("d MMM", culture);
    }

    /// <summary>2026-12-04.</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool IsJapanese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "ja";
}
