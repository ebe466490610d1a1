using System.Collections;
using System.Globalization;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Tests.Lead;

public class LeadTextTests
{
    [Fact]
    public void EveryLeadText_HasAJapaneseTranslation_WithTheSamePlaceholders()
    {
        var english = LeadText.ResourceManager.GetResourceSet(CultureInfo.InvariantCulture, true, false)!;
        var japanese = LeadText.ResourceManager.GetResourceSet(CultureInfo.GetCultureInfo("ja"), true, false)!;

        var missing = new List<string>();
        foreach (DictionaryEntry entry in english)
        {
            var key = (string)entry.Key;
            var ja = japanese.GetString(key);
            if (ja is null || Placeholders((string)entry.Value!) != Placeholders(ja))
            {
                missing.Add(key);
            }
        }

        Assert.Empty(missing);
    }

    private static string Placeholders(string text) =>
        string.Join(",", Enumerable.Range(0, 6).Where(i => text.Contains("{" + i + "}", StringComparison.Ordinal)));
}
