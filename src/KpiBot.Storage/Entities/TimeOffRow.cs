namespace KpiBot.Storage.Entities;

/// <summary>A person's time off, both days included.</summary>
public sealed class TimeOffRow
{
    public long Id { get; set; }
    public required string PersonId { get; set; }
    public DateOnly FirstDay { get; set; }
    public DateOnly LastDay { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
