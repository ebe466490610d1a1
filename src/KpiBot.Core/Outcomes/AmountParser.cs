using System.Globalization;
using KpiBot.Core.Conversations;

namespace KpiBot.Core.Outcomes;

/// <summary>
/// Reads an amount as people write it in chat: group separators of their culture (1,200,000), a currency sign or
/// word (¥1,200,000, 1,200,000円, full-width ￥１，２００，０００), and the Japanese 万 (10⁴) and 億 (10⁸) — 120万 is
/// 1,200,000 and 1.5億 is 150,000,000. A leading minus sign is kept so the rules can say why it is refused.
/// </summary>
public static class AmountParser
{
    private static readonly string[] Currency = ["¥", "円", "$", "JPY", "jpy", "yen"];

    public static bool TryParse(string? raw, CultureInfo culture, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(culture);
        value = 0m;
        var text = CommandLine.Normalize(raw).Replace('\u2212', '-').Replace(" ", string.Empty, StringComparison.Ordinal);
        foreach (var sign in Currency)
        {
            text = text.Replace(sign, string.Empty, StringComparison.Ordinal);
        }

        var multiplier = 1m;
        if (text.EndsWith('万'))
        {
            (multiplier, text) = (10_000m, text[..^1]);
        }
        else if (text.EndsWith('億'))
        {
            (multiplier, text) = (100_000_000m, text[..^1]);
        }

        var format = culture.NumberFormat;
        text = text.Replace(format.NumberGroupSeparator, string.Empty, StringComparison.Ordinal);
        if (text.Length == 0
            || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, format, out var number))
        {
            return false;
        }

        try
        {
            value = number * multiplier;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
