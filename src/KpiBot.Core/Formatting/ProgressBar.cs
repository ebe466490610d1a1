namespace KpiBot.Core.Formatting;

/// <summary>A text progress bar: ▓ for the done part, ░ for the rest (0.38 over 10 cells → ▓▓▓▓░░░░░░).</summary>
public static class ProgressBar
{
    public const char Filled = '▓';
    public const char Empty = '░';

    /// <summary>
    /// <paramref name="fraction"/> of <paramref name="width"/> cells filled, rounded half away from zero and
    /// clamped to 0..width (over 100 % is a full bar); null (no target) is an empty bar.
    /// </summary>
    public static string Render(decimal? fraction, int width = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        var filled = fraction is { } f
            ? (int)Math.Clamp(Math.Round(f * width, MidpointRounding.AwayFromZero), 0m, width)
            : 0;
        return new string(Filled, filled) + new string(Empty, width - filled);
    }
}
