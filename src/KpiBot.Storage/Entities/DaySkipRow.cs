namespace KpiBot.Storage.Entities;

/// <summary>A work day the person skipped (no numbers; it still counts as asked). Unique per (person, day).</summary>
public sealed class DaySkipRow
{
    public long Id { get; set; }
    public required string PersonId { get; set; }
    public DateOnly Day { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
