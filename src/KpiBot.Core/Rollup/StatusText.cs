using System.Globalization;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Rollup;

/// <summary>The words for a progress status in a person's language.</summary>
public static class StatusText
{
    public static string For(ProgressStatus status, CultureInfo culture) => Localized.Get(
        RollupText.ResourceManager,
        status switch
        {
            ProgressStatus.OnTrack => nameof(RollupText.Status_OnTrack),
            ProgressStatus.AtRisk => nameof(RollupText.Status_AtRisk),
            ProgressStatus.OffTrack => nameof(RollupText.Status_OffTrack),
            ProgressStatus.TooEarly => nameof(RollupText.Status_TooEarly),
            _ => nameof(RollupText.Status_NotStarted),
        },
        culture);
}
