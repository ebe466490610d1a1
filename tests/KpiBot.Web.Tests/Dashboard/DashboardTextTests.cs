using System.Collections;
using System.Globalization;
using System.Resources;

namespace KpiBot.Web.Tests.Dashboard;

/// <summary>Every dashboard text exists in Japanese too, with the same placeholders.</summary>
public class DashboardTextTests
{
    public static TheoryData<string> Resources => ["page", "command"];

    [Theory]
    [MemberData(nameof(Resources))]
    public void EveryEnglishText_HasAJapaneseOne_WithTheSamePlaceholders(string which)
    {
        var resources = which == "page" ? KpiBot.Web.Resources.PageText.ResourceManager : KpiBot.Core.Resources.DashboardText.ResourceManager;
        var english = Texts(resources, CultureInfo.InvariantCulture, tryParents: true);
        var japanese = Texts(resources, CultureInfo.GetCultureInfo("ja"), tryParents: false);

        Assert.NotEmpty(english);
        Assert.Empty(english.Keys.Except(japanese.Keys));
        foreach (var (key, text) in english)
        {
            Assert.True(Placeholders(text).SetEquals(Placeholders(japanese[key])), $"'{key}' uses other placeholders in Japanese.");
        }
    }

    private static Dictionary<string, string> Texts(ResourceManager resources, CultureInfo culture, bool tryParents) =>
        resources.GetResourceSet(culture, createIfNotExists: true, tryParents)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static HashSet<char> Placeholders(string text) =>
        [.. Enumerable.Range(0, 10).Select(i => (char)('0' + i)).Where(d => text.Contains("{" + d, StringComparison.Ordinal))];
}
