namespace KpiBot.Storage;

/// <summary>One audited change of a check-in entry; the old fields are null for the change that created it.</summary>
public sealed record CheckInChange(
    int Revision,
    decimal? OldValue,
    decimal NewValue,
    string? OldNote,
    string? NewNote,
    bool? OldBlocker,
    bool NewBlocker,
    string ChangedBy,
    string Source,
    DateTimeOffset ChangedAt);
