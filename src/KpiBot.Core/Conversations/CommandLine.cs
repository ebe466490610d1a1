using System.Text;

namespace KpiBot.Core.Conversations;

/// <summary>
/// A typed command split into its first word (lower case) and the rest. Full-width letters, digits and
/// spaces (Japanese input) are folded to their plain forms first, so 「ｓｔａｔｕｓ　営業」 reads as "status 営業".
/// </summary>
public sealed record CommandLine(string Word, string Arguments)
{
    public static CommandLine Parse(string? text)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return new CommandLine(string.Empty, string.Empty);
        }

        var space = normalized.IndexOf(' ', StringComparison.Ordinal);
        var word = space < 0 ? normalized : normalized[..space];
        var rest = space < 0 ? string.Empty : normalized[(space + 1)..].Trim();
        return new CommandLine(word.TrimStart('/').ToLowerInvariant(), rest);
    }

    /// <summary>NFKC (full-width forms to plain ones), every run of white space to one space, trimmed.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        var lastWasSpace = true;
        foreach (var c in folded)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (isSpace && lastWasSpace)
            {
                continue;
            }

            builder.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
        }

        return builder.ToString().TrimEnd();
    }
}
