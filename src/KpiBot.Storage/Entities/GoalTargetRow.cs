namespace KpiBot.Storage.Entities;

/// <summary>
/// A node's target from <see cref="EffectiveFrom"/> until the next row's day. The first row of a node is
/// effective from <see cref="DateOnly.MinValue"/>. <see cref="TargetScaled"/> is the target × 10,000.
/// </summary>
public sealed class GoalTargetRow
{
    public long Id { get; set; }
    public required string NodeId { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public long TargetScaled { get; set; }
    public required string Period { get; set; }
    public int ImportVersion { get; set; }
}
