using KpiBot.Core.Goals;

namespace KpiBot.Core.GoalsFile;

/// <summary>
/// Turns the text of a goals file into a <see cref="GoalsModel"/>: parses the YAML keeping lines, checks
/// every element and reference (reporting all problems at once), then, when there are no errors, warns
/// about targets the declared capacity cannot reach. Reading the file is the caller's job.
/// </summary>
public static class GoalsFileLoader
{
    /// <summary>Never throws for bad input: YAML syntax errors too become diagnostics.</summary>
    public static GoalsLoadResult Load(string yamlText, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var context = new ParseContext(fileName);
        var parsed = DocumentReader.Read(yamlText, context);
        if (parsed is null)
        {
            return new GoalsLoadResult(null, context.Sorted());
        }

        parsed = WithKdiTeamsFromKpis(parsed);
        ReferenceChecker.Check(parsed, context);
        CycleChecker.Check(parsed.Kpis, context);
        if (context.HasErrors || parsed.Organization is null)
        {
            return new GoalsLoadResult(null, context.Sorted());
        }

        var model = new GoalsModel(
            parsed.Organization.Value,
            parsed.Teams.Select(t => t.Value),
            parsed.People.Select(p => p.Value),
            parsed.Kgis.Select(k => k.Value),
            parsed.Ksfs.Select(k => k.Value),
            parsed.Kpis.Select(k => k.Value),
            parsed.Kdis.Select(k => k.Value));
        TreeWarnings.Check(model, context);
        FeasibilityChecker.Check(model, context);
        return new GoalsLoadResult(model, context.Sorted());
    }

    /// <summary>A KDI that names no team belongs to its KPI's owner team.</summary>
    private static ParsedGoals WithKdiTeamsFromKpis(ParsedGoals parsed)
    {
        var owners = parsed.Kpis.GroupBy(k => k.Value.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value.OwnerTeamId, StringComparer.Ordinal);
        var kdis = parsed.Kdis
            .Select(k => k.Value.TeamId.Length == 0 && owners.TryGetValue(k.Value.KpiId, out var owner)
                ? k with { Value = k.Value with { TeamId = owner } }
                : k)
            .ToList();
        return parsed with { Kdis = kdis };
    }
}
