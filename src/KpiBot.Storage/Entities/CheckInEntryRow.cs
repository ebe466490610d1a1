namespace KpiBot.Storage.Entities;

/// <summary>
/// A recorded value, unique per (person, node, day). <see cref="ValueScaled"/> is the value × 10,000 so
/// that sums run in the database, exactly, on SQLite and PostgreSQL alike.
/// </summary>
public sealed class CheckInEntryRow : IRevisedRow
{
    public long Id { get; set; }
    public required string PersonId { get; set; }
    public required string NodeId { get; set; }
    public DateOnly Day { get; set; }
    public long ValueScaled { get; set; }
    public string? Note { get; set; }
    public bool Blocker { get; set; }
    public required string Source { get; set; }
    /// <summary>Starts at 1; every change adds one. Also the optimistic concurrency token.</summary>
    public int Revision { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
