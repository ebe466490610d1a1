using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using TimeZoneConverter;
using YamlDotNet.RepresentationModel;

namespace KpiBot.Core.GoalsFile;

/// <summary>Reads one item of <c>teams:</c>.</summary>
internal static class TeamSection
{
    private static readonly string[] Keys =
    [
        "id", "name", "time_zone", "working_days", "holidays", "extra_working_days", "week_start", "locale", "channels",
        .. ScheduleSection.TeamKeys,
    ];
    private static readonly string[] HolidayKeys = ["country", "extra"];
    private static readonly string[] ChannelKeys = ["platform", "channel"];

    public static Parsed<Team>? Read(YamlNode node, ParseContext context)
    {
        var map = MappingReader.OpenElement(node, Keys, nameof(GoalsFileText.Kind_Team), context);
        if (map is null)
        {
            return null;
        }

        var id = map.Id();
        map.What = Elements.Named(nameof(GoalsFileText.Kind_Team), id);
        var name = map.String("name", required: true) ?? string.Empty;
        var timeZone = TimeZone(map, context, required: true) ?? string.Empty;
        var workingDays = map.Has("working_days") ? Days(map, "working_days", context) : Team.MondayToFriday;
        string? country = null;
        var extraHolidays = new HashSet<DateOnly>();
        var holidays = map.Mapping("holidays", HolidayKeys);
        if (holidays is not null)
        {
            country = holidays.String("country")?.ToUpperInvariant();
            if (country is not null && !HolidayCalendars.IsSupported(country))
            {
                context.ErrorWithSuggestion(holidays.At("country"), DiagnosticCodes.UnknownCountry, Suggestions.Closest(country, HolidayCalendars.SupportedCountries),
                    nameof(GoalsFileText.UnknownCountry), country, string.Join(", ", HolidayCalendars.SupportedCountries));
                country = null;
            }

            extraHolidays = Dates(holidays, "extra", context);
        }

        var extraWorkingDays = Dates(map, "extra_working_days", context);
        var weekStart = map.Choice("week_start", Choices.WeekDayNames) ?? DayOfWeek.Monday;
        var locale = map.Word("locale", Choices.Locales);
        var channels = map.List("channels").Select(item => Channel(item, map, context)).OfType<ChannelLink>().ToList();
        var schedule = ScheduleSection.Read(map, context);
        return map.Result(new Team(
            id ?? string.Empty, name, timeZone, workingDays, country, extraHolidays, extraWorkingDays, channels, weekStart, locale, map.Location, schedule));
    }

    /// <summary>An IANA zone (Windows names are accepted too, as TimeZoneConverter knows them).</summary>
    public static string? TimeZone(MappingReader map, ParseContext context, bool required)
    {
        var zone = map.String("time_zone", required);
        if (zone is not null && !TZConvert.TryGetTimeZoneInfo(zone, out _))
        {
            context.Error(map.At("time_zone"), DiagnosticCodes.BadTimeZone, nameof(GoalsFileText.BadTimeZone), zone);
            return null;
        }

        return zone;
    }

    private static HashSet<DayOfWeek> Days(MappingReader map, string key, ParseContext context)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var item in map.List(key))
        {
            var text = (item as YamlScalarNode)?.Value?.Trim().ToLowerInvariant() ?? string.Empty;
            if (Choices.Days.TryGetValue(text, out var day))
            {
                days.Add(day);
            }
            else
            {
                context.ErrorWithSuggestion(context.At(item.Start), DiagnosticCodes.BadEnum, Suggestions.Closest(text, Choices.Days.Keys),
                    nameof(GoalsFileText.BadEnum), text, key, string.Join(", ", Choices.Days.Keys));
            }
        }

        return days;
    }

    public static HashSet<DateOnly> Dates(MappingReader map, string key, ParseContext context)
    {
        var dates = new HashSet<DateOnly>();
        foreach (var item in map.List(key))
        {
            var at = context.At(item.Start);
            if (item is not YamlScalarNode { Value: { } text })
            {
                context.Error(at, DiagnosticCodes.WrongShape, nameof(GoalsFileText.ExpectedScalar), key, map.What);
            }
            else if (MappingReader.ParseDate(text.Trim(), at, context) is { } date)
            {
                dates.Add(date);
            }
        }

        return dates;
    }

    private static ChannelLink? Channel(YamlNode item, MappingReader team, ParseContext context)
    {
        var map = MappingReader.Open(item, ChannelKeys, LocalText.Of(nameof(GoalsFileText.Element_Key), "channels", team.What), context);
        if (map is null)
        {
            return null;
        }

        var platform = map.Word("platform", Choices.Platforms, required: true);
        var channel = map.String("channel", required: true);
        return platform is null || channel is null ? null : new ChannelLink(platform, channel);
    }
}
