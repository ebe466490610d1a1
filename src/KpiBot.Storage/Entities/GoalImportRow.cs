namespace KpiBot.Storage.Entities;

/// <summary>One import of a goals file; <see cref="Organization"/> is its organisation settings as JSON.</summary>
public sealed class GoalImportRow
{
    public int Version { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public required string ImportedBy { get; set; }
    public required string Organization { get; set; }
}
