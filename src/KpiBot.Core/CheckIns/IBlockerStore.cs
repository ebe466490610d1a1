namespace KpiBot.Core.CheckIns;

/// <summary>An open blocker: raised with an answer, open until the person answers without it or a lead resolves it.</summary>
public sealed record Blocker(string PersonId, DateOnly Day, string? Note, DateTimeOffset RaisedAt);

public interface IBlockerStore
{
    /// <summary>Opens (or keeps open, updating the note) the person's blocker. Returns true when it was not open before.</summary>
    Task<bool> RaiseAsync(string personId, DateOnly day, string? note, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Closes the person's open blocker, if any.</summary>
    Task ResolveAsync(string personId, string resolvedBy, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<Blocker>> OpenAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken);
}
