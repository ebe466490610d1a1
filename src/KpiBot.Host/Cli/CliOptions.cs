using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace KpiBot.Host.Cli;

/// <summary>Options and value parsers shared by the commands.</summary>
internal static class CliOptions
{
    public static readonly Option<string?> Language = new("--lang")
    {
        Description = "Language of the output: ja or en (default: KpiBot:Language, else the goals file's).",
        Recursive = true,
    };

    static CliOptions()
    {
        Language.AcceptOnlyFromAmong("ja", "en");
    }

    public static DateOnly? ParseDate(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[0].Value;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        result.AddError($"'{text}' is not a date; use YYYY-MM-DD, e.g. 2026-11-27.");
        return null;
    }

    public static decimal ParseDecimal(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"'{text}' is not a number.");
        return 0;
    }
}
