using System.Globalization;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Outcomes;

/// <summary>
/// The checks every reported actual passes, whatever it came through: the node takes reported actuals, the
/// reporter may report it (<see cref="MayReport"/>), whose value it is when it is reported per person, the day
/// lies in the goal's window and not in the future, and the value is a non-negative amount with at most four
/// decimals, not more than ten times the target unless confirmed.
/// </summary>
public static class OutcomeRules
{
    /// <summary>A value above this many times the target asks for confirmation.</summary>
    public const decimal SanityFactor = 10m;

    public static OutcomeProblem? Check(GoalsModel model, OutcomeReport report, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(report);
        if (!model.NodesById.TryGetValue(report.NodeId, out var node))
        {
            return new(nameof(OutcomeText.UnknownOutcome), "node", report.NodeId, string.Join(", ", OutcomeNodes.All(model).Select(n => n.Id)));
        }

        if (OutcomeNodes.ReportingOf(node) is not { } reporting)
        {
            return new(nameof(OutcomeText.NotAnOutcome), "node", node.Title);
        }

        if (report.Reporter is { } reporter && Refusal(model, node, reporting, reporter) is { } refused)
        {
            return refused;
        }

        if (reporting.PerPerson && PersonProblem(model, node, report.ForPersonId ?? report.Reporter?.Id) is { } personProblem)
        {
            return personProblem;
        }

        if (report.Day > today)
        {
            return new(nameof(OutcomeText.FutureDay), "date", report.Day, today);
        }

        var window = OutcomeNodes.GoalWindowOf(model, node);
        if (report.Day < window.Start)
        {
            return new(nameof(OutcomeText.BeforeGoal), "date", report.Day, window.Start, node.Title);
        }

        if (report.Day > window.End)
        {
            return new(nameof(OutcomeText.AfterGoal), "date", report.Day, window.End, node.Title);
        }

        return ValueProblem(node, report.Value, report.Confirmed);
    }

    /// <summary>Whether <paramref name="person"/> may report the node in chat (admins: everything).</summary>
    public static bool MayReport(GoalsModel model, GoalNode node, Person person) =>
        OutcomeNodes.ReportingOf(node) is { } reporting && Refusal(model, node, reporting, person) is null;

    private static OutcomeProblem? Refusal(GoalsModel model, GoalNode node, OutcomeReporting reporting, Person reporter)
    {
        if (reporter.Role == Role.Admin)
        {
            return null;
        }

        var team = OutcomeNodes.OwnerTeamOf(model, node);
        var leadOfTeam = reporter.Role == Role.Lead && reporter.TeamId == team;
        var allowed = reporting.By switch
        {
            ReporterKind.Lead => leadOfTeam,
            ReporterKind.Owner => leadOfTeam || string.Equals(reporter.Email, reporting.OwnerEmail, StringComparison.OrdinalIgnoreCase),
            ReporterKind.Person => reporter.TeamId == team,
            _ => false,
        };
        if (allowed)
        {
            return null;
        }

        return reporting.By == ReporterKind.Api
            ? new(nameof(OutcomeText.ApiOnly), "node", node.Title)
            : new(nameof(OutcomeText.NotYourOutcome), "node", node.Title, new ReporterText(model, reporting, team));
    }

    private static OutcomeProblem? PersonProblem(GoalsModel model, GoalNode node, string? personId)
    {
        if (personId is null)
        {
            return new(nameof(OutcomeText.PersonRequired), "person", node.Title);
        }

        if (!model.PeopleById.TryGetValue(personId, out var person))
        {
            return new(nameof(OutcomeText.UnknownPerson), "person", personId);
        }

        var team = OutcomeNodes.OwnerTeamOf(model, node);
        return team is not null && person.TeamId != team
            ? new(nameof(OutcomeText.NotInTeam), "person", person.DisplayName, model.TeamsById[team].Name, node.Title)
            : null;
    }

    private static OutcomeProblem? ValueProblem(GoalNode node, decimal value, bool confirmed)
    {
        if (value < 0)
        {
            return new(nameof(OutcomeText.Negative), "value", value);
        }

        if (value != decimal.Round(value, 4))
        {
            return new(nameof(OutcomeText.TooPrecise), "value", value);
        }

        var target = OutcomeNodes.TargetOf(node);
        return !confirmed && target > 0 && value > target * SanityFactor
            ? new(nameof(OutcomeText.TooLarge), "value", value, target) { NeedsConfirmation = true }
            : null;
    }

    /// <summary>"the leads of 営業部" in the reader's language, formatted when the message is.</summary>
    private sealed class ReporterText(GoalsModel model, OutcomeReporting reporting, string? teamId) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider)
        {
            var culture = formatProvider as CultureInfo ?? CultureInfo.InvariantCulture;
            var team = teamId is not null && model.TeamsById.TryGetValue(teamId, out var t) ? t.Name : teamId ?? string.Empty;
            return reporting.By switch
            {
                ReporterKind.Lead => Localized.Format(OutcomeText.ResourceManager, nameof(OutcomeText.Reporter_Lead), culture, team),
                ReporterKind.Owner => Localized.Format(OutcomeText.ResourceManager, nameof(OutcomeText.Reporter_Owner), culture,
                    OutcomeNodes.OwnerOf(model, reporting)?.DisplayName ?? reporting.OwnerEmail),
                ReporterKind.Person => Localized.Format(OutcomeText.ResourceManager, nameof(OutcomeText.Reporter_Person), culture, team),
                _ => Localized.Get(OutcomeText.ResourceManager, nameof(OutcomeText.Reporter_Api), culture),
            };
        }

        public override string ToString() => ToString(null, CultureInfo.InvariantCulture);
    }
}
