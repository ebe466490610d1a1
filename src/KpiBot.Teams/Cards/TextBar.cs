using KpiBot.Core.Goals;

namespace KpiBot.Teams.Cards;

/// <summary>Progress as text, which every Teams client renders alike: ten cells, filled for the fraction done.</summary>
public static class TextBar
{
    public const int Cells = 10;

    public static string Of(decimal fraction)
    {
        var filled = (int)Math.Round(Math.Clamp(fraction, 0m, 1m) * Cells, MidpointRounding.AwayFromZero);
        return new string('█', filled) + new string('░', Cells - filled);
    }

    /// <summary>The Adaptive Card text color of a status: good, warning, attention, or the default.</summary>
    public static string? ColorOf(ProgressStatus? status) => status switch
    {
        ProgressStatus.OnTrack => "Good",
        ProgressStatus.AtRisk => "Warning",
        ProgressStatus.OffTrack => "Attention",
        _ => null,
    };
}
