using KpiBot.Core.Goals;

namespace KpiBot.Testing.Fakes;

/// <summary>Goals held in memory; <see cref="Model"/> can be replaced to simulate a re-import.</summary>
public sealed class InMemoryGoalsProvider(GoalsModel? model) : IGoalsProvider
{
    public GoalsModel? Model { get; set; } = model;

    public ValueTask<GoalsModel?> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Model);
}
