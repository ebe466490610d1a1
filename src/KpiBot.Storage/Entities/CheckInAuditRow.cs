namespace KpiBot.Storage.Entities;

/// <summary>One change of a check-in entry: what it was (null when created) and what it became.</summary>
public sealed class CheckInAuditRow : IRevisionAudit
{
    public long Id { get; set; }
    public long EntryId { get; set; }
    public required string PersonId { get; set; }
    public required string NodeId { get; set; }
    public DateOnly Day { get; set; }
    public long? OldValueScaled { get; set; }
    public long NewValueScaled { get; set; }
    public string? OldNote { get; set; }
    public string? NewNote { get; set; }
    public bool? OldBlocker { get; set; }
    public bool NewBlocker { get; set; }
    public int Revision { get; set; }
    public required string ChangedBy { get; set; }
    public required string Source { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
