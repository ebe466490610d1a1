namespace KpiBot.Core.Goals;

/// <summary>The current goals (the last import), cached by the implementation and refreshed when a new import lands.</summary>
public interface IGoalsProvider
{
    ValueTask<GoalsModel?> CurrentAsync(CancellationToken cancellationToken);
}
