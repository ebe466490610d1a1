using System.Globalization;
using System.Resources;

namespace KpiBot.Core.Resources;

/// <summary>
/// Looks up user-facing text for one person's culture. Keys are taken with <c>nameof</c> from the
/// generated resource classes (e.g. <c>nameof(RollupText.Status_OnTrack)</c>) so a missing key fails to
/// compile; the culture is passed on every call, never taken from a shared static.
/// </summary>
public static class Localized
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    public static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    public static string Get(ResourceManager resources, string key, CultureInfo culture)
    {
        return resources.GetString(key, culture)
            ?? throw new MissingManifestResourceException($"No text '{key}' in {resources.BaseName}.");
    }

    public static string Format(ResourceManager resources, string key, CultureInfo culture, params object?[] args)
    {
        return string.Format(culture, Get(resources, key, culture), args);
    }

    /// <summary>Culture for a language tag from the goals file or a chat profile ("ja", "en-US"); English when unknown.</summary>
    public static CultureInfo CultureFor(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return English;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(language);
            return culture.TwoLetterISOLanguageName == "ja" && culture.IsNeutralCulture ? Japanese : culture;
        }
        catch (CultureNotFoundException)
        {
            return English;
        }
    }
}
