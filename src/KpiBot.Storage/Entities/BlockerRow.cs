namespace KpiBot.Storage.Entities;

/// <summary>A blocker a person raised; open while <see cref="ResolvedAt"/> is null (at most one open per person).</summary>
public sealed class BlockerRow
{
    public long Id { get; set; }
    public required string PersonId { get; set; }
    public DateOnly Day { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}
