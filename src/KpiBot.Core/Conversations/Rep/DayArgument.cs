using System.Globalization;
using KpiBot.Core.Calendar;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Conversations.Rep;

/// <summary>
/// A day as typed after a command: nothing or "today" (今日) is today; "yesterday" (昨日) the last working
/// day before today on the team's calendar (Friday, on a Monday); or a date 2026-11-26 / 2026/11/26.
/// Future days are refused.
/// </summary>
internal static class DayArgument
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d"];

    public static bool TryParseDate(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <returns>The day, or the error to say.</returns>
    public static (DateOnly Day, string? Error) Parse(CommandContext context, string arguments)
    {
        var text = CommandLine.Normalize(arguments).ToLowerInvariant();
        DateOnly day;
        switch (text)
        {
            case "" or "today" or "今日" or "きょう":
                return (context.Today, null);
            case "yesterday" or "昨日" or "きのう":
                day = PreviousWorkingDay(context);
                break;
            default:
                if (!TryParseDate(text, out day))
                {
                    return (default, Texts.Format(nameof(ConversationText.Day_Unreadable), context.Culture, arguments.Trim()));
                }

                break;
        }

        return day > context.Today
            ? (default, Texts.Format(nameof(ConversationText.Day_Future), context.Culture, day, context.Today))
            : (day, null);
    }

    private static DateOnly PreviousWorkingDay(CommandContext context)
    {
        var calendar = context.Model.TeamsById.TryGetValue(context.Person.TeamId, out var team) ? WorkCalendar.For(team) : WorkCalendar.Weekdays;
        for (var day = context.Today.AddDays(-1); day >= context.Today.AddDays(-14); day = day.AddDays(-1))
        {
            if (calendar.IsWorkingDay(day))
            {
                return day;
            }
        }

        return context.Today.AddDays(-1);
    }
}
