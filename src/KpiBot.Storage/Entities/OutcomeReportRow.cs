namespace KpiBot.Storage.Entities;

/// <summary>
/// A reported actual of a KGI or KPI for one reporting period (keyed on its first day), for the whole node
/// (<see cref="PersonId"/> null) or for one person. Unique per (node, period) or (node, period, person).
/// </summary>
public sealed class OutcomeReportRow : IRevisedRow
{
    public long Id { get; set; }
    public required string NodeId { get; set; }
    public string? PersonId { get; set; }
    public DateOnly PeriodStart { get; set; }
    public long ValueScaled { get; set; }
    public string? Note { get; set; }
    public required string Source { get; set; }
    /// <summary>Starts at 1; every change adds one. Also the optimistic concurrency token.</summary>
    public int Revision { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
