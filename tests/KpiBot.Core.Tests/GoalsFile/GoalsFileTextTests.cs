using System.Collections;
using System.Globalization;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Tests.GoalsFile;

public class GoalsFileTextTests
{
    [Fact]
    public void EveryEnglishTextHasAJapaneseTranslation()
    {
        var english = Keys(CultureInfo.InvariantCulture, tryParents: true);
        var japanese = Keys(Localized.Japanese, tryParents: false);

        Assert.NotEmpty(english);
        Assert.Empty(english.Except(japanese));
    }

    private static HashSet<string> Keys(CultureInfo culture, bool tryParents)
    {
        var set = GoalsFileText.ResourceManager.GetResourceSet(culture, createIfNotExists: true, tryParents)
            ?? GoalsFileText.ResourceManager.GetResourceSet(CultureInfo.GetCultureInfo("ja"), createIfNotExists: true, tryParents: false)!;
        return set.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();
    }
}
