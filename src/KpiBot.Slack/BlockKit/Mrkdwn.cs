using System.Text;
using KpiBot.Core.Formatting;
using KpiBot.Core.Views;

namespace KpiBot.Slack.BlockKit;

/// <summary>Text helpers for Block Kit: Slack's escapes, length limits, progress lines and splitting long lists into sections.</summary>
internal static class Mrkdwn
{
    public const int SectionLimit = 3000;
    public const int HeaderLimit = 150;
    public const int MessageBlockLimit = 50;

    /// <summary>Slack's three control characters escaped, so a title cannot ping or link.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public static string Bold(string text) => $"*{Escape(text)}*";

    public static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>"Calls  ▓▓▓▓░░░░░░ 12 / 30 calls · At risk", indented by depth (em spaces survive Slack's layout).</summary>
    public static string Progress(ProgressLine line)
    {
        var b = new StringBuilder();
        b.Append('\u2003', line.Depth).Append(Bold(line.Title));
        if (line.Fraction is not null || line.FiguresText is not null)
        {
            b.Append("  `").Append(ProgressBar.Render(line.Fraction)).Append('`');
        }

        if (line.FiguresText is { } figures)
        {
            b.Append(' ').Append(Escape(figures));
        }

        if (line.StatusText is { } status)
        {
            b.Append(" · ").Append(Escape(status));
        }

        if (line.Detail is { } detail)
        {
            b.Append(" — _").Append(Escape(detail)).Append('_');
        }

        return b.ToString();
    }

    /// <summary>Lines joined into as few section texts as fit <see cref="SectionLimit"/>; a single over-long line is cut.</summary>
    public static IEnumerable<string> Chunks(IEnumerable<string> lines)
    {
        var current = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = Truncate(raw, SectionLimit);
            if (current.Length > 0 && current.Length + 1 + line.Length > SectionLimit)
            {
                yield return current.ToString();
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(line);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
