using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.GoalsFile;

/// <summary>
/// Cross-element checks: duplicate ids (one namespace for the KPI tree, one for teams, one for people)
/// and emails, and that every reference names an element of the right kind.
/// </summary>
internal sealed class ReferenceChecker
{
    private readonly ParseContext _context;
    private readonly Dictionary<string, SourceLocation> _teams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (GoalKind Kind, SourceLocation At)> _nodes = new(StringComparer.Ordinal);

    private ReferenceChecker(ParseContext context) => _context = context;

    public static void Check(ParsedGoals goals, ParseContext context)
    {
        var checker = new ReferenceChecker(context);
        checker.IndexIds(goals);
        checker.CheckReferences(goals);
    }

    private void IndexIds(ParsedGoals goals)
    {
        foreach (var team in goals.Teams)
        {
            Unique(_teams, team.Value.Id, team.Location, nameof(GoalsFileText.Kind_Team));
        }

        var people = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var emails = new Dictionary<string, Parsed<Person>>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in goals.People)
        {
            Unique(people, person.Value.Id, person.Location, nameof(GoalsFileText.Kind_Person));
            var email = person.Value.Email;
            if (email.Length == 0)
            {
                continue;
            }

            if (emails.TryGetValue(email, out var first))
            {
                _context.Error(person.At("email"), DiagnosticCodes.DuplicateEmail, nameof(GoalsFileText.DuplicateEmail),
                    Elements.Named(nameof(GoalsFileText.Kind_Person), person.Value.Id), email, first.Value.Id, first.Location.Line);
            }
            else
            {
                emails[email] = person;
            }
        }

        IEnumerable<(GoalNode Node, SourceLocation At)> nodes = goals.Kgis.Select(n => ((GoalNode)n.Value, n.Location))
            .Concat(goals.Ksfs.Select(n => ((GoalNode)n.Value, n.Location)))
            .Concat(goals.Kpis.Select(n => ((GoalNode)n.Value, n.Location)))
            .Concat(goals.Kdis.Select(n => ((GoalNode)n.Value, n.Location)));
        foreach (var (node, at) in nodes.OrderBy(n => n.At.Line))
        {
            if (node.Id.Length == 0)
            {
                continue;
            }

            if (_nodes.TryGetValue(node.Id, out var first))
            {
                _context.Error(at, DiagnosticCodes.DuplicateId, nameof(GoalsFileText.DuplicateId),
                    Elements.Named(KindKey(node.Kind), node.Id), node.Id, first.At.Line);
            }
            else
            {
                _nodes[node.Id] = (node.Kind, at);
            }
        }
    }

    private void Unique(Dictionary<string, SourceLocation> seen, string id, SourceLocation at, string kindKey)
    {
        if (id.Length == 0)
        {
            return;
        }

        if (seen.TryGetValue(id, out var first))
        {
            _context.Error(at, DiagnosticCodes.DuplicateId, nameof(GoalsFileText.DuplicateId), Elements.Named(kindKey, id), id, first.Line);
            return;
        }

        seen[id] = at;
    }

    private void CheckReferences(ParsedGoals goals)
    {
        foreach (var person in goals.People)
        {
            Team(person, "team", person.Value.TeamId, Elements.Named(nameof(GoalsFileText.Kind_Person), person.Value.Id));
        }

        var emails = goals.People.Select(p => p.Value.Email).Where(e => e.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var kgi in goals.Kgis)
        {
            var what = Elements.Named(nameof(GoalsFileText.Kind_Kgi), kgi.Value.Id);
            Team(kgi, "owner", kgi.Value.OwnerTeamId, what);
            Reporter(kgi, kgi.Value.Reporting, emails, what);
            for (var i = 0; i < kgi.Value.Contributions.Count; i++)
            {
                Node(kgi.At($"from[{i}]"), what, kgi.Value.Contributions[i].KpiId, GoalKind.Kpi);
            }
        }

        foreach (var ksf in goals.Ksfs)
        {
            Node(ksf.At("kgi"), Elements.Named(nameof(GoalsFileText.Kind_Ksf), ksf.Value.Id), ksf.Value.KgiId, GoalKind.Kgi);
        }

        foreach (var kpi in goals.Kpis)
        {
            var what = Elements.Named(nameof(GoalsFileText.Kind_Kpi), kpi.Value.Id);
            Node(kpi.At("ksf"), what, kpi.Value.KsfId, GoalKind.Ksf);
            Team(kpi, "owner", kpi.Value.OwnerTeamId, what);
            Reporter(kpi, kpi.Value.Reporting, emails, what);
            Node(kpi.At("numerator"), what, kpi.Value.NumeratorId, GoalKind.Kpi, GoalKind.Kdi);
            Node(kpi.At("denominator"), what, kpi.Value.DenominatorId, GoalKind.Kpi, GoalKind.Kdi);
            for (var i = 0; i < kpi.Value.Inputs.Count; i++)
            {
                Node(kpi.At($"derived_from[{i}]"), what, kpi.Value.Inputs[i].NodeId, GoalKind.Kpi, GoalKind.Kdi);
            }
        }

        foreach (var kdi in goals.Kdis)
        {
            var what = Elements.Named(nameof(GoalsFileText.Kind_Kdi), kdi.Value.Id);
            Node(kdi.At("kpi"), what, kdi.Value.KpiId, GoalKind.Kpi);
            Team(kdi, "team", kdi.Value.TeamId, what);
        }
    }

    private void Team<T>(Parsed<T> element, string key, string? teamId, LocalText what)
    {
        if (string.IsNullOrEmpty(teamId) || _teams.ContainsKey(teamId))
        {
            return;
        }

        _context.ErrorWithSuggestion(element.At(key), DiagnosticCodes.UnknownReference, Suggestions.Closest(teamId, _teams.Keys),
            nameof(GoalsFileText.UnknownReference), what, key, Elements.Kind(nameof(GoalsFileText.Kind_Team)), teamId);
    }

    /// <summary><c>reported_by: owner EMAIL</c> names a person of the file.</summary>
    private void Reporter<T>(Parsed<T> element, OutcomeReporting? reporting, HashSet<string> emails, LocalText what)
    {
        if (reporting?.OwnerEmail is { } email && !emails.Contains(email))
        {
            _context.ErrorWithSuggestion(element.At("reported_by"), DiagnosticCodes.UnknownReference, Suggestions.Closest(email, emails),
                nameof(GoalsFileText.UnknownReporter), what, email);
        }
    }

    private void Node(SourceLocation at, LocalText what, string? id, params GoalKind[] kinds)
    {
        if (string.IsNullOrEmpty(id))
        {
            return;
        }

        var expected = string.Join(" / ", kinds.Select(k => k.ToString().ToUpperInvariant()));
        if (!_nodes.TryGetValue(id, out var found))
        {
            var candidates = _nodes.Where(n => kinds.Contains(n.Value.Kind)).Select(n => n.Key);
            _context.ErrorWithSuggestion(at, DiagnosticCodes.UnknownReference, Suggestions.Closest(id, candidates),
                nameof(GoalsFileText.UnknownNode), what, expected, id);
        }
        else if (!kinds.Contains(found.Kind))
        {
            _context.Error(at, DiagnosticCodes.WrongKind, nameof(GoalsFileText.WrongKind), what, id, found.Kind.ToString().ToUpperInvariant(), expected);
        }
    }

    public static string KindKey(GoalKind kind) => kind switch
    {
        GoalKind.Kgi => nameof(GoalsFileText.Kind_Kgi),
        GoalKind.Ksf => nameof(GoalsFileText.Kind_Ksf),
        GoalKind.Kpi => nameof(GoalsFileText.Kind_Kpi),
        _ => nameof(GoalsFileText.Kind_Kdi),
    };
}
