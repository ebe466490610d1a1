using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Rollup;

namespace KpiBot.Core.Tests;

public class LocalizedTests
{
    [Fact]
    public void StatusText_IsJapaneseForJapanese_AndEnglishOtherwise()
    {
        Assert.Equal("要注意", StatusText.For(ProgressStatus.AtRisk, Localized.CultureFor("ja")));
        Assert.Equal("at-risk", StatusText.For(ProgressStatus.AtRisk, Localized.CultureFor("en-US")));
        Assert.Equal("at-risk", StatusText.For(ProgressStatus.AtRisk, Localized.CultureFor("xx-not-a-culture")));
    }
}
