using System.Globalization;
using KpiBot.Core.Resources;

namespace KpiBot.Core.GoalsFile;

/// <summary>
/// A piece of text from the GoalsFileText resources with raw arguments, rendered when a culture is known.
/// Arguments may themselves be <see cref="LocalText"/> (e.g. "KPI 'meetings'" inside a sentence).
/// </summary>
internal sealed record LocalText(string Key, IReadOnlyList<object?> Args)
{
    public static LocalText Of(string key, params object?[] args) => new(key, args);

    public string Render(CultureInfo culture) => Localized.Format(
        GoalsFileText.ResourceManager,
        Key,
        culture,
        Args.Select(a => (object?)RenderArgument(a, culture)).ToArray());

    public override string ToString() => Render(Localized.English);

    /// <summary>Numbers with group separators and no trailing zeros, ISO dates, nested texts and lists.</summary>
    public static string RenderArgument(object? value, CultureInfo culture) => value switch
    {
        null => string.Empty,
        LocalText text => text.Render(culture),
        decimal number => number.ToString("#,0.##########", culture),
        int number => number.ToString("#,0", culture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IEnumerable<LocalText> parts => string.Join(" + ", parts.Select(p => p.Render(culture))),
        _ => Convert.ToString(value, culture) ?? string.Empty,
    };
}
