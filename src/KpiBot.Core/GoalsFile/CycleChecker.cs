using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.GoalsFile;

/// <summary>
/// Finds KPIs whose actuals depend on themselves through ratio operands or <c>derived_from</c> inputs,
/// and reports each cycle once with its chain ("a → b → a") at the first KPI of the chain.
/// </summary>
internal static class CycleChecker
{
    public static void Check(IReadOnlyList<Parsed<Kpi>> kpis, ParseContext context)
    {
        var byId = new Dictionary<string, Parsed<Kpi>>(StringComparer.Ordinal);
        foreach (var kpi in kpis.Where(k => k.Value.Id.Length > 0))
        {
            byId.TryAdd(kpi.Value.Id, kpi);
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kpi in byId.Values)
        {
            Visit(kpi.Value.Id, [], byId, done, reported, context);
        }
    }

    private static void Visit(
        string id,
        List<string> path,
        Dictionary<string, Parsed<Kpi>> byId,
        HashSet<string> done,
        HashSet<string> reported,
        ParseContext context)
    {
        var index = path.IndexOf(id);
        if (index >= 0)
        {
            var chain = path.Skip(index).Append(id).ToList();
            var key = string.Join("|", chain.Skip(1).Order(StringComparer.Ordinal));
            if (reported.Add(key))
            {
                var first = byId[chain[0]];
                context.Error(first.Location, DiagnosticCodes.Cycle, nameof(GoalsFileText.Cycle),
                    Elements.Named(nameof(GoalsFileText.Kind_Kpi), chain[0]), string.Join(" → ", chain));
            }

            return;
        }

        if (done.Contains(id) || !byId.TryGetValue(id, out var kpi))
        {
            return;
        }

        path.Add(id);
        foreach (var next in Dependencies(kpi.Value))
        {
            Visit(next, path, byId, done, reported, context);
        }

        path.RemoveAt(path.Count - 1);
        done.Add(id);
    }

    private static IEnumerable<string> Dependencies(Kpi kpi)
    {
        if (kpi.NumeratorId is { } numerator)
        {
            yield return numerator;
        }

        if (kpi.DenominatorId is { } denominator)
        {
            yield return denominator;
        }

        foreach (var input in kpi.Inputs)
        {
            yield return input.NodeId;
        }
    }
}
