using KpiBot.Core.Goals;

namespace KpiBot.Web.Dashboard;

/// <summary>The period choices of the tree and goal pages, as query values: empty = each goal's own period.</summary>
public static class Periods
{
    public static readonly IReadOnlyList<PeriodKind> Choices = [PeriodKind.Week, PeriodKind.Month, PeriodKind.Quarter, PeriodKind.Year];

    public static PeriodKind? Parse(string? value) =>
        Choices.FirstOrDefault(k => string.Equals(k.ToString(), value, StringComparison.OrdinalIgnoreCase)) is var kind
        && string.Equals(kind.ToString(), value, StringComparison.OrdinalIgnoreCase) ? kind : null;

    public static string Query(PeriodKind? period, DateOnly asOf, DateOnly today)
    {
        var parts = new List<string>();
        if (period is { } p)
        {
            parts.Add("period=" + p.ToString().ToLowerInvariant());
        }

        if (asOf != today)
        {
            parts.Add("asOf=" + asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }
}
