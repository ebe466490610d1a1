namespace KpiBot.Storage.Entities;

/// <summary>
/// A person from the goals file. <see cref="EmailNormalized"/> (trimmed, lower-case invariant) backs the
/// case-insensitive lookup with a plain index on both providers; <see cref="Definition"/> is the whole
/// <c>Person</c> as JSON.
/// </summary>
public sealed class PersonRow : IImportedRow
{
    public required string Id { get; set; }
    public required string DisplayName { get; set; }
    public required string Email { get; set; }
    public required string EmailNormalized { get; set; }
    public required string TeamId { get; set; }
    public required string Role { get; set; }
    public required string Definition { get; set; }
    /// <summary>Index in the file's list, so the model loads back in file order.</summary>
    public int Position { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }
    public int FirstImportVersion { get; set; }
    public int LastImportVersion { get; set; }
}
