namespace KpiBot.Core.Charts;

/// <summary>One group of the bar chart: where a goal stands (actual) and where the plan says it should by now, both in % of its target.</summary>
public sealed record BarGroup(string Label, string Title, decimal ActualPercent, decimal PlanPercent);

/// <summary>
/// Goals side by side, actual against plan to date in % of each one's target (goals of different units compare on
/// one axis). Groups are labelled 1, 2, 3… in the picture; the message beside it names them in the reader's language.
/// </summary>
public sealed record BarChart(string Title, IReadOnlyList<BarGroup> Groups)
{
    public bool IsEmpty => Groups.Count == 0;
}
