using System.Runtime.CompilerServices;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Scheduling;

/// <summary>
/// The per-team plans of one goals model, built once and kept as long as the model lives, so a dispatcher
/// asking every minute does not regroup 50,000 people each time.
/// </summary>
internal sealed class SchedulePlan
{
    private static readonly ConditionalWeakTable<GoalsModel, SchedulePlan> Plans = [];

    private SchedulePlan(GoalsModel model)
    {
        Teams = model.Teams.Select(t => new TeamPlan(t, model)).ToList();
        TeamsById = Teams.ToDictionary(t => t.Team.Id, StringComparer.Ordinal);
        Outcomes = new OutcomePlan(model, TeamsById);
    }

    public IReadOnlyList<TeamPlan> Teams { get; }

    public IReadOnlyDictionary<string, TeamPlan> TeamsById { get; }

    /// <summary>Who is asked for reported outcomes, and when (<see cref="OutcomeAsks"/>).</summary>
    public OutcomePlan Outcomes { get; }

    public static SchedulePlan For(GoalsModel model) => Plans.GetValue(model, m => new SchedulePlan(m));
}
