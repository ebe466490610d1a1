namespace KpiBot.Core.Rollup;

/// <summary>The rolled-up KPI tree as of a day: KGIs at the root, then KSFs, KPIs and KDIs.</summary>
public sealed class RollupReport
{
    private readonly Dictionary<string, RollupNode> _byId = new(StringComparer.Ordinal);
    private readonly List<RollupNode> _all = [];
    private readonly Dictionary<string, List<PersonFigures>> _byPerson = new(StringComparer.Ordinal);

    public RollupReport(DateOnly asOf, IReadOnlyList<RollupNode> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        AsOf = asOf;
        Roots = roots;
        foreach (var root in roots)
        {
            Index(root);
        }
    }

    public DateOnly AsOf { get; }

    public IReadOnlyList<RollupNode> Roots { get; }

    /// <summary>The node with this id, or null when it is not in the report.</summary>
    public RollupNode? Find(string nodeId) => _byId.GetValueOrDefault(nodeId);

    /// <summary>The figures of one person, KPIs and KDIs in tree order; empty for someone with none.</summary>
    public IReadOnlyList<PersonFigures> ForPerson(string personId) =>
        _byPerson.TryGetValue(personId, out var list) ? list : [];

    /// <summary>Every node, depth first in tree order.</summary>
    public IReadOnlyList<RollupNode> Nodes => _all;

    private void Index(RollupNode node)
    {
        _byId.TryAdd(node.Node.Id, node);
        _all.Add(node);
        foreach (var (personId, figures) in node.People)
        {
            if (!_byPerson.TryGetValue(personId, out var list))
            {
                list = [];
                _byPerson.Add(personId, list);
            }

            list.Add(new PersonFigures(personId, node, figures));
        }

        foreach (var child in node.Children)
        {
            Index(child);
        }
    }
}
