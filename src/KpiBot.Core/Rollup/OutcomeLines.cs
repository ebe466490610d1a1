using System.Globalization;
using KpiBot.Core.Formatting;
using KpiBot.Core.Goals;
using KpiBot.Core.Outcomes;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Rollup;

/// <summary>
/// The words beside a reported KGI or KPI — "reported · estimate ¥30,000,000 · 架電数/日 → 2.1 %, plan 5 %" — and
/// the warnings for conversion far below plan, shared by <c>goals tree</c>, status, the digest and the API.
/// </summary>
public static class OutcomeLines
{
    /// <summary>The note for a node with an outcome; null for other nodes.</summary>
    public static string? Note(RollupNode node, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(culture);
        if (node.Outcome is not { } outcome)
        {
            return null;
        }

        var parts = new List<string>
        {
            Text(outcome.ReportedDrives ? nameof(OutcomeText.Reported) : nameof(OutcomeText.NotReportedYet), culture),
        };
        if (outcome.Estimate is { } estimate)
        {
            parts.Add(Localized.Format(OutcomeText.ResourceManager, nameof(OutcomeText.Estimate), culture,
                QuantityFormatter.Format(estimate, node.Node, culture)));
        }

        parts.AddRange(outcome.Rates.Where(r => r.Achieved is not null).Select(r => Rate(node, r, culture)));
        return string.Join(" · ", parts);
    }

    /// <summary>"架電数/日: 400 calls → 8 meetings (2 %; plan 5 %)".</summary>
    public static string Rate(RollupNode node, MeasuredRate rate, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(rate);
        return Localized.Format(OutcomeText.ResourceManager, nameof(OutcomeText.Rate_Achieved), culture,
            rate.Input.Title,
            QuantityFormatter.Format(rate.InputActual, rate.Input, culture),
            QuantityFormatter.Format(node.Outcome?.Reported ?? 0m, node.Node, culture),
            RatePercent(rate.Achieved ?? 0m, culture),
            RatePercent(rate.Planned, culture));
    }

    /// <summary>One sentence per KPI whose conversion is far below plan, in tree order.</summary>
    public static IReadOnlyList<string> Warnings(RollupReport report, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(report);
        return
        [
            .. report.Nodes.SelectMany(node => (node.Outcome?.Rates ?? []).Where(r => r.FarBelow).Select(rate => Warning(node, rate, report, culture))),
        ];
    }

    /// <summary>
    /// "Calls is on-track, but only 0.25 % of it became Meetings (plan 5 %)." — naming whether the input itself is on
    /// track says where the problem is: not effort, but what the effort turns into.
    /// </summary>
    public static string Warning(RollupNode node, MeasuredRate rate, RollupReport report, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(rate);
        ArgumentNullException.ThrowIfNull(report);
        var onTrack = report.Find(rate.Input.Id)?.Figures?.Status == ProgressStatus.OnTrack;
        return Localized.Format(OutcomeText.ResourceManager,
            onTrack ? nameof(OutcomeText.Rate_FarBelowOnTrack) : nameof(OutcomeText.Rate_FarBelow), culture,
            rate.Input.Title,
            StatusText.For(ProgressStatus.OnTrack, culture),
            RatePercent(rate.Achieved ?? 0m, culture),
            node.Node.Title,
            RatePercent(rate.Planned, culture));
    }

    public static string Heading(CultureInfo culture) => Text(nameof(OutcomeText.Rate_Heading), culture);

    /// <summary>A conversion rate (a fraction) as a percentage with up to two decimals: 0.021 → "2.1 %".</summary>
    public static string RatePercent(decimal fraction, CultureInfo culture) =>
        QuantityFormatter.Number(Math.Round(fraction * 100m, 2, MidpointRounding.AwayFromZero), culture, "#,0.##") + " %";

    private static string Text(string key, CultureInfo culture) => Localized.Get(OutcomeText.ResourceManager, key, culture);
}
