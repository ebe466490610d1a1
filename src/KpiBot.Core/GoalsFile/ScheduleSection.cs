using System.Globalization;
using System.Text.RegularExpressions;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.GoalsFile;

/// <summary>
/// Reads a team's <c>checkin:</c> and <c>digest:</c> keys into a <see cref="CheckInSchedule"/>; every key
/// left out keeps its default. Times are <c>HH:mm</c> (00:00–23:59); durations are <c>90m</c>, <c>2h</c> or
/// <c>1h30m</c>, more than 0 and at most 24 h.
/// </summary>
internal static partial class ScheduleSection
{
    public static readonly IReadOnlyList<string> TeamKeys = ["checkin", "digest"];

    private static readonly string[] CheckInKeys = ["daily_at", "weekly", "reminder_after", "catch_up", "response_window"];
    private static readonly string[] WeeklyKeys = ["day", "at"];
    private static readonly string[] DigestKeys = ["day", "at", "names"];
    private static readonly TimeSpan Longest = TimeSpan.FromHours(24);

    /// <summary>The team's schedule, or null when the team names neither key (it then uses the defaults).</summary>
    public static CheckInSchedule? Read(MappingReader team, ParseContext context)
    {
        if (!team.Has("checkin") && !team.Has("digest"))
        {
            return null;
        }

        var schedule = CheckInSchedule.Default;
        if (team.Mapping("checkin", CheckInKeys) is { } checkin)
        {
            schedule = schedule with
            {
                DailyAt = Time(checkin, "daily_at", context) ?? schedule.DailyAt,
                ReminderAfter = checkin.String("reminder_after") switch
                {
                    null => schedule.ReminderAfter,
                    "none" => null,
                    _ => Duration(checkin, "reminder_after", context) ?? schedule.ReminderAfter,
                },
                CatchUp = Duration(checkin, "catch_up", context) ?? schedule.CatchUp,
                ResponseWindow = checkin.Integer("response_window", 0, 60) ?? schedule.ResponseWindow,
            };
            if (checkin.Mapping("weekly", WeeklyKeys) is { } weekly)
            {
                schedule = schedule with
                {
                    WeeklyDay = weekly.Choice("day", Choices.WeekDayNames) ?? schedule.WeeklyDay,
                    WeeklyAt = Time(weekly, "at", context) ?? schedule.WeeklyAt,
                };
            }
        }

        if (team.Mapping("digest", DigestKeys) is { } digest)
        {
            schedule = schedule with
            {
                DigestDay = digest.Choice("day", Choices.WeekDayNames) ?? schedule.DigestDay,
                DigestAt = Time(digest, "at", context) ?? schedule.DigestAt,
                DigestNames = digest.Choice("names", Choices.DigestNames) ?? schedule.DigestNames,
            };
        }

        return schedule;
    }

    /// <summary>A local time of day, <c>HH:mm</c> or <c>H:mm</c>.</summary>
    public static TimeOnly? ParseTime(string text)
    {
        var match = TimePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return hour <= 23 && minute <= 59 ? new TimeOnly(hour, minute) : null;
    }

    /// <summary>A duration in hours and minutes: <c>2h</c>, <c>90m</c>, <c>1h30m</c> (minutes below 60 after hours); 0 is allowed here.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var match = DurationPattern().Match(text);
        if (!match.Success || (!match.Groups[1].Success && !match.Groups[2].Success))
        {
            return null;
        }

        var hours = match.Groups[1].Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        if (match.Groups[1].Success && minutes >= 60)
        {
            return null;
        }

        return TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes);
    }

    private static TimeOnly? Time(MappingReader map, string key, ParseContext context)
    {
        var text = map.String(key);
        if (text is null)
        {
            return null;
        }

        if (ParseTime(text) is { } time)
        {
            return time;
        }

        context.Error(map.At(key), DiagnosticCodes.BadTime, nameof(GoalsFileText.BadTime), text, key);
        return null;
    }

    private static TimeSpan? Duration(MappingReader map, string key, ParseContext context)
    {
        var text = map.String(key);
        if (text is null)
        {
            return null;
        }

        if (ParseDuration(text) is not { } duration)
        {
            context.Error(map.At(key), DiagnosticCodes.BadDuration, nameof(GoalsFileText.BadDuration), text, key);
            return null;
        }

        if (duration <= TimeSpan.Zero)
        {
            context.Error(map.At(key), DiagnosticCodes.NotPositive, nameof(GoalsFileText.NotPositive), key, text);
            return null;
        }

        if (duration > Longest)
        {
            context.Error(map.At(key), DiagnosticCodes.OutOfRange, nameof(GoalsFileText.DurationTooLong), key, "24h", text);
            return null;
        }

        return duration;
    }

    [GeneratedRegex(@"^(\d{1,2}):(\d{2})$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(?:(\d{1,3})h)?(?:(\d{1,4})m)?$")]
    private static partial Regex DurationPattern();
}
