using System.Globalization;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Formatting;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Outcomes;

/// <summary>The answer to a recorded result: what was stored for which period, and what it replaced.</summary>
public static class OutcomeReceipt
{
    public static string Text(GoalsModel model, OutcomeResult result, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(culture);
        if (result.Problem is { } problem)
        {
            return problem.Message(culture);
        }

        var entry = result.Entry!;
        var node = model.NodesById[entry.NodeId];
        var amount = QuantityFormatter.Format(entry.Value, node, culture);
        var period = PeriodText(model, node, result.Period!.Value, culture);
        return result.Outcome switch
        {
            CheckInOutcome.Created => Format(nameof(OutcomeText.Receipt_Created), culture, amount, node.Title, period),
            CheckInOutcome.Updated => Format(nameof(OutcomeText.Receipt_Updated), culture, amount, node.Title, period,
                QuantityFormatter.Format(result.PreviousValue ?? 0m, node, culture), entry.Revision),
            _ => Format(nameof(OutcomeText.Receipt_Unchanged), culture, amount, node.Title, period),
        };
    }

    /// <summary>"December 2026", "the week of 2026-11-30", "2026-12-04" — the period a value was kept for.</summary>
    public static string PeriodText(GoalsModel model, GoalNode node, Calendar.PeriodWindow period, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(model);
        var every = OutcomeNodes.ReportingOf(node)?.Every ?? PeriodKind.Day;
        return every switch
        {
            PeriodKind.Day => Format(nameof(OutcomeText.Period_Day), culture, period.Start),
            PeriodKind.Week => Format(nameof(OutcomeText.Period_Week), culture, period.Start),
            PeriodKind.Month => Format(nameof(OutcomeText.Period_Month), culture, period.Start),
            _ => Format(nameof(OutcomeText.Period_Quarter), culture, period.Start, period.End),
        };
    }

    private static string Format(string key, CultureInfo culture, params object?[] args) =>
        Localized.Format(OutcomeText.ResourceManager, key, culture, args);
}
