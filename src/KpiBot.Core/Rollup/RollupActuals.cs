using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;

namespace KpiBot.Core.Rollup;

/// <summary>
/// Recorded totals per (window, node, person), as fetched for a <see cref="RollupPlan"/>. A node or
/// person with no row counts as nothing recorded.
/// </summary>
public sealed class RollupActuals : IActualsLookup
{
    private readonly Dictionary<(PeriodWindow Window, string NodeId), NodeTotals> _totals = [];

    public static RollupActuals Empty => new();

    /// <summary>Adds the rows fetched for one window; rows for the same (window, node, person) are added together.</summary>
    public RollupActuals Add(PeriodWindow window, IEnumerable<ActualTotal> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        foreach (var total in totals)
        {
            var key = (window, total.NodeId);
            if (!_totals.TryGetValue(key, out var node))
            {
                node = new NodeTotals();
                _totals.Add(key, node);
            }

            node.Add(total);
        }

        return this;
    }

    NodeTotals IActualsLookup.Get(PeriodWindow window, string nodeId) =>
        _totals.TryGetValue((window, nodeId), out var node) ? node : NodeTotals.None;
}

/// <summary>Where the rollup reads totals from: fetched actuals, or a recorder that learns what to fetch.</summary>
internal interface IActualsLookup
{
    NodeTotals Get(PeriodWindow window, string nodeId);
}

/// <summary>The totals of one node over one window, all people together and per person.</summary>
internal sealed class NodeTotals
{
    public static readonly NodeTotals None = new();

    private readonly Dictionary<string, ActualTotal> _byPerson = new(StringComparer.Ordinal);

    public decimal Sum { get; private set; }
    public int Count { get; private set; }

    /// <summary>Each person's latest value, added together (one reporter is the usual case).</summary>
    public decimal LatestSum { get; private set; }

    public decimal SumOf(string personId) => _byPerson.TryGetValue(personId, out var t) ? t.Sum : 0m;

    /// <summary>Adds another node's totals, each amount × <paramref name="share"/> (a part of a weekly value).</summary>
    public void Add(NodeTotals other, decimal share)
    {
        foreach (var total in other._byPerson.Values)
        {
            Add(share == 1m ? total : total with { Sum = total.Sum * share, Latest = total.Latest * share });
        }
    }

    public int CountOf(string personId) => _byPerson.TryGetValue(personId, out var t) ? t.Count : 0;

    public void Add(ActualTotal total)
    {
        Sum += total.Sum;
        Count += total.Count;
        LatestSum += total.Latest ?? 0m;
        _byPerson[total.PersonId] = _byPerson.TryGetValue(total.PersonId, out var seen)
            ? seen with { Sum = seen.Sum + total.Sum, Count = seen.Count + total.Count, Latest = total.Latest ?? seen.Latest }
            : total;
    }
}
