namespace KpiBot.Storage.Entities;

/// <summary>What teams, people and nodes share: rows owned by the goals file, archived rather than deleted.</summary>
internal interface IImportedRow
{
    string Id { get; }
    string Definition { get; set; }
    int Position { get; set; }
    DateTimeOffset? ArchivedAt { get; set; }
    int FirstImportVersion { get; set; }
    int LastImportVersion { get; set; }
}
