namespace KpiBot.Storage.Entities;

/// <summary>The dispatcher's position: occurrences due up to this instant (Unix milliseconds, UTC) were claimed. One row.</summary>
public sealed class DispatchCursorRow
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long PositionUnixMs { get; set; }
}
