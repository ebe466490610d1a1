namespace KpiBot.Core.Scheduling;

/// <summary>
/// Wall-clock times in a zone as UTC instants, with one rule for the days the clocks change: a time that
/// does not exist (the spring-forward gap) moves forward by the gap (02:30 → 03:30), and a time that
/// occurs twice (fall back) is taken once, at its first occurrence.
/// </summary>
internal static class LocalTimes
{
    public static DateTimeOffset ToUtc(DateOnly day, TimeOnly at, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(at, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // In the gap the offset from before the change applies, which lands the gap's length later.
            offset = Min(zone.GetUtcOffset(local.AddDays(-1)), zone.GetUtcOffset(local.AddDays(1)));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier instant: the first time the clock shows this time.
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    /// <summary>The plain date the instant falls on in the zone.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
