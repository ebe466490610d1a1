using KpiBot.Core.Formatting;

namespace KpiBot.Core.Tests.Rollup.Formatting;

public class DisplayWidthTests
{
    [Theory]
    [InlineData("abc", 3)]
    [InlineData("年間売上1億円", 13)]
    [InlineData("アポ", 4)]
    [InlineData("├─ ", 3)]
    [InlineData("", 0)]
    public void Of_CountsWideCharactersTwice(string text, int expected)
    {
        Assert.Equal(expected, DisplayWidth.Of(text));
    }

    [Fact]
    public void PadRight_PadsToColumnsNotCharacters()
    {
        Assert.Equal("架電数 ", DisplayWidth.PadRight("架電数", 7));
        Assert.Equal("calls  ", DisplayWidth.PadRight("calls", 7));
    }
}
