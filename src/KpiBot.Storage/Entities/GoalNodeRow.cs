namespace KpiBot.Storage.Entities;

/// <summary>
/// A node of the KPI tree; <see cref="Id"/> is the file's id and <see cref="Definition"/> the whole
/// node record (Kgi, Ksf, Kpi or Kdi) as JSON.
/// </summary>
public sealed class GoalNodeRow : IImportedRow
{
    public required string Id { get; set; }
    public required string Kind { get; set; }
    public string? ParentId { get; set; }
    public required string Title { get; set; }
    public string? TeamId { get; set; }
    public required string Definition { get; set; }
    /// <summary>Index in the file's list, so the model loads back in file order.</summary>
    public int Position { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }
    public int FirstImportVersion { get; set; }
    public int LastImportVersion { get; set; }
}
