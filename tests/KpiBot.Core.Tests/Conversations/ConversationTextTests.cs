using System.Collections;
using System.Globalization;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Tests.Conversations;

public class ConversationTextTests
{
    [Fact]
    public void EveryEnglishTextHasAJapaneseOne_WithTheSamePlaceholders()
    {
        var english = Texts(CultureInfo.InvariantCulture, tryParents: true);
        var japanese = Texts(CultureInfo.GetCultureInfo("ja"), tryParents: false);

        Assert.NotEmpty(english);
        Assert.Empty(english.Keys.Except(japanese.Keys));
        foreach (var (key, text) in english)
        {
            Assert.True(Placeholders(text).SetEquals(Placeholders(japanese[key])), $"'{key}' uses other placeholders in Japanese.");
        }
    }

    private static Dictionary<string, string> Texts(CultureInfo culture, bool tryParents) =>
        ConversationText.ResourceManager.GetResourceSet(culture, createIfNotExists: true, tryParents)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static HashSet<char> Placeholders(string text) =>
        [.. Enumerable.Range(0, 10).Select(i => (char)('0' + i)).Where(d => text.Contains("{" + d, StringComparison.Ordinal))];
}
