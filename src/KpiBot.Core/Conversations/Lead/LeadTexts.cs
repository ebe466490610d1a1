using System.Globalization;
using System.Text;
using KpiBot.Core.Formatting;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Lead;

/// <summary>Lead texts and the small formatting shared by status, tree and digest.</summary>
internal static class LeadTexts
{
    /// <summary>How many names a list shows before "…and N more" (keeps a message readable).</summary>
    public const int MaxItems = 15;

    public static string Get(string key, CultureInfo culture) => Localized.Get(LeadText.ResourceManager, key, culture);

    public static string Format(string key, CultureInfo culture, params object?[] args) =>
        Localized.Format(LeadText.ResourceManager, key, culture, args);

    /// <summary>A percentage (already × 100) rounded to a whole number: "38 %"; "–" when unknown.</summary>
    public static string Percent(decimal? percent, CultureInfo culture) => percent is { } p
        ? QuantityFormatter.Number(Math.Round(p, 0, MidpointRounding.AwayFromZero), culture, "#,0") + " %"
        : Localized.Get(RollupText.ResourceManager, nameof(RollupText.Tree_NoFigure), culture);

    /// <summary>A day without the year, the weekday first: "Tue 12 Jan" / "1月12日（火）".</summary>
    public static string MonthDay(DateOnly day, CultureInfo culture) => Dates.Day(day, culture);

    /// <summary>A list capped at <paramref name="max"/> items, with "…and N more"; "none" when empty.</summary>
    public static IReadOnlyList<string> Capped(IReadOnlyList<string> items, CultureInfo culture, int max = MaxItems)
    {
        if (items.Count == 0)
        {
            return [Get(nameof(LeadText.Item_None), culture)];
        }

        return items.Count <= max
            ? items
            : [.. items.Take(max), Format(nameof(LeadText.Item_More), culture, items.Count - max)];
    }

    /// <summary>The plain-text form of a view: title, body (e.g. the tree text), then each section as a heading and "・" items.</summary>
    public static string Compose(string title, string? body, IReadOnlyList<ViewSection> sections)
    {
        var text = new StringBuilder(title).Append('\n');
        if (!string.IsNullOrEmpty(body))
        {
            text.Append(body.ReplaceLineEndings("\n").TrimEnd('\n')).Append('\n');
        }

        foreach (var section in sections)
        {
            text.Append('\n').Append(section.Heading).Append('\n');
            foreach (var item in section.Items)
            {
                text.Append("・").Append(item).Append('\n');
            }
        }

        return text.ToString().TrimEnd('\n');
    }

    public static HelpItem Help(string usageKey, string descriptionKey, CultureInfo culture) =>
        new(Get(usageKey, culture), Get(descriptionKey, culture));
}
