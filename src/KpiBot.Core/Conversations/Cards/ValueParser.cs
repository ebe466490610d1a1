using System.Globalization;

namespace KpiBot.Core.Conversations.Cards;

/// <summary>
/// Reads a number as typed in a card field: full-width digits (２７), group separators (1,200) and a
/// leading sign (so a negative value reaches the rules and gets their message). Anything else is not a number.
/// </summary>
internal static class ValueParser
{
    public static bool TryParse(string raw, out decimal value)
    {
        var text = CommandLine.Normalize(raw)
            .Replace('\u2212', '-')
            .Replace(",", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal);
        return decimal.TryParse(
            text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
