using PublicHoliday;

namespace KpiBot.Core.Calendar;

/// <summary>Public holidays by ISO 3166 country code, from the maintained PublicHoliday library.</summary>
public static class HolidayCalendars
{
    private static readonly Dictionary<string, Func<IPublicHolidays>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["JP"] = () => new JapanPublicHoliday(),
        ["US"] = () => new USAPublicHoliday(),
        ["GB"] = () => new UKBankHoliday(),
        ["UK"] = () => new UKBankHoliday(),
        ["AU"] = () => new AustraliaPublicHoliday(),
        ["AT"] = () => new AustriaPublicHoliday(),
        ["BE"] = () => new BelgiumPublicHoliday(),
        ["BR"] = () => new BrazilPublicHoliday(),
        ["CA"] = () => new CanadaPublicHoliday(),
        ["CH"] = () => new SwitzerlandPublicHoliday(),
        ["CZ"] = () => new CzechRepublicPublicHoliday(),
        ["DE"] = () => new GermanPublicHoliday(),
        ["DK"] = () => new DenmarkPublicHoliday(),
        ["ES"] = () => new SpainPublicHoliday(),
        ["FI"] = () => new FinlandPublicHoliday(),
        ["FR"] = () => new FrancePublicHoliday(),
        ["IE"] = () => new IrelandPublicHoliday(),
        ["IT"] = () => new ItalyPublicHoliday(),
        ["MX"] = () => new MexicoPublicHoliday(),
        ["NL"] = () => new DutchPublicHoliday(),
        ["NO"] = () => new NorwayPublicHoliday(),
        ["NZ"] = () => new NewZealandPublicHoliday(),
        ["PL"] = () => new PolandPublicHoliday(),
        ["PT"] = () => new PortugalPublicHoliday(),
        ["SE"] = () => new SwedenPublicHoliday(),
        ["ZA"] = () => new SouthAfricaPublicHoliday(),
    };

    /// <summary>The country codes that have a holiday calendar.</summary>
    public static IEnumerable<string> SupportedCountries => Factories.Keys.Order(StringComparer.Ordinal);

    public static bool IsSupported(string country) => Factories.ContainsKey(country);

    /// <summary>The public holidays of <paramref name="country"/> in <paramref name="year"/>.</summary>
    public static IReadOnlySet<DateOnly> For(string country, int year)
    {
        if (!Factories.TryGetValue(country, out var factory))
        {
            throw new ArgumentException($"No holiday calendar for country '{country}'.", nameof(country));
        }

        var holidays = factory().PublicHolidays(year).Select(DateOnly.FromDateTime).ToHashSet();
        if (string.Equals(country, "JP", StringComparison.OrdinalIgnoreCase))
        {
            AddJapaneseCitizensHolidays(holidays);
        }

        return holidays;
    }

    /// <summary>
    /// 国民の休日: in Japan a day between two public holidays is itself a holiday (e.g. 2026-09-22 between
    /// 敬老の日 and 秋分の日). The PublicHoliday library does not list these days, so they are added here.
    /// </summary>
    private static void AddJapaneseCitizensHolidays(HashSet<DateOnly> holidays)
    {
        var sandwiched = holidays
            .Where(h => holidays.Contains(h.AddDays(2)) && !holidays.Contains(h.AddDays(1)))
            .Select(h => h.AddDays(1))
            .Where(d => d.DayOfWeek != DayOfWeek.Sunday)
            .ToList();
        holidays.UnionWith(sandwiched);
    }
}
