namespace KpiBot.Storage.Entities;

/// <summary>One change of a reported actual: what it was (null when created), what it became, who, from where, when.</summary>
public sealed class OutcomeAuditRow : IRevisionAudit
{
    public long Id { get; set; }
    public long ReportId { get; set; }
    public required string NodeId { get; set; }
    public string? PersonId { get; set; }
    public DateOnly PeriodStart { get; set; }
    public long? OldValueScaled { get; set; }
    public long NewValueScaled { get; set; }
    public string? Note { get; set; }
    public int Revision { get; set; }
    public required string ChangedBy { get; set; }
    public required string Source { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
