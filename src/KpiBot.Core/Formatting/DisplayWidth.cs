using System.Globalization;
using System.Text;

namespace KpiBot.Core.Formatting;

/// <summary>
/// How many terminal columns a text takes: East Asian wide and fullwidth characters (kanji, kana, ¥ in
/// fullwidth, 全角 letters) take two, combining marks none, everything else one. Used to line up
/// columns of mixed Japanese and English text, where padding by string length would not.
/// </summary>
public static class DisplayWidth
{
    public static int Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Of(rune);
        }

        return width;
    }

    public static int Of(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return 0;
        }

        return IsWide(rune.Value) ? 2 : 1;
    }

    /// <summary><paramref name="text"/> followed by spaces up to <paramref name="width"/> columns.</summary>
    public static string PadRight(string text, int width) =>
        text + new string(' ', Math.Max(0, width - Of(text)));

    /// <summary>Spaces up to <paramref name="width"/> columns, then <paramref name="text"/>.</summary>
    public static string PadLeft(string text, int width) =>
        new string(' ', Math.Max(0, width - Of(text))) + text;

    /// <summary>Whether a code point starts a wide (CJK-style) character; the ranges of Unicode's East Asian Width W and F.</summary>
    public static bool IsWide(int codePoint) => codePoint switch
    {
        >= 0x1100 and <= 0x115F => true,   // Hangul Jamo
        >= 0x2E80 and <= 0x303E => true,   // CJK radicals, punctuation
        >= 0x3041 and <= 0x33FF => true,   // kana, CJK symbols
        >= 0x3400 and <= 0x4DBF => true,   // CJK extension A
        >= 0x4E00 and <= 0x9FFF => true,   // CJK unified ideographs
        >= 0xA000 and <= 0xA4CF => true,   // Yi
        >= 0xAC00 and <= 0xD7A3 => true,   // Hangul syllables
        >= 0xF900 and <= 0xFAFF => true,   // CJK compatibility ideographs
        >= 0xFE30 and <= 0xFE4F => true,   // CJK compatibility forms
        >= 0xFF00 and <= 0xFF60 => true,   // fullwidth forms
        >= 0xFFE0 and <= 0xFFE6 => true,   // fullwidth signs (￥)
        >= 0x1F300 and <= 0x1F64F => true, // emoji
        >= 0x1F900 and <= 0x1F9FF => true,
        >= 0x20000 and <= 0x3FFFD => true, // CJK extensions B and beyond
        _ => false,
    };
}
