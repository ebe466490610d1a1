namespace KpiBot.Storage.Entities;

/// <summary>A team from the goals file; <see cref="Definition"/> is the whole <c>Team</c> as JSON.</summary>
public sealed class TeamRow : IImportedRow
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Definition { get; set; }
    /// <summary>Index in the file's list, so the model loads back in file order.</summary>
    public int Position { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }
    public int FirstImportVersion { get; set; }
    /// <summary>The import that last added, changed, archived or restored this row.</summary>
    public int LastImportVersion { get; set; }
}
