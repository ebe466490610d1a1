using KpiBot.Core.Goals;
using TimeZoneConverter;

namespace KpiBot.Core.Calendar;

/// <summary>IANA time zones on every OS (through TimeZoneConverter), and local dates in them.</summary>
public static class Zones
{
    public static bool TryFind(string? ianaId, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        return !string.IsNullOrWhiteSpace(ianaId) && TZConvert.TryGetTimeZoneInfo(ianaId, out zone!);
    }

    public static TimeZoneInfo Find(string ianaId) => TZConvert.GetTimeZoneInfo(ianaId);

    /// <summary>The plain date it is now in <paramref name="ianaId"/>.</summary>
    public static DateOnly Today(string ianaId, TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Find(ianaId)).DateTime);

    /// <summary>A person's zone: their own from the file, else their chat profile's, else their team's.</summary>
    public static string ZoneOf(Person person, GoalsModel model) =>
        person.TimeZone ?? person.ChatTimeZone ?? model.TeamsById[person.TeamId].TimeZone;
}
