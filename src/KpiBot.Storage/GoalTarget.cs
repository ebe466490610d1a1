using KpiBot.Core.Goals;

namespace KpiBot.Storage;

/// <summary>A node's target as it applied from <see cref="EffectiveFrom"/> (<see cref="DateOnly.MinValue"/>: from the start).</summary>
public sealed record GoalTarget(string NodeId, DateOnly EffectiveFrom, decimal Target, PeriodKind Period);
