namespace KpiBot.Core.Reporting;

/// <summary>One stored check-in value as read by the API and exports (<see cref="Id"/> orders rows of one day).</summary>
public sealed record CheckInRecord(
    long Id,
    string PersonId,
    string NodeId,
    DateOnly Day,
    decimal Value,
    string? Note,
    bool Blocker,
    string Source,
    int Revision,
    DateTimeOffset UpdatedAt);

/// <summary>Which check-ins to read: a day range (both ends included), and optionally these people and these nodes.</summary>
public sealed record CheckInFilter(
    DateOnly From,
    DateOnly To,
    IReadOnlyCollection<string>? PersonIds = null,
    IReadOnlyCollection<string>? NodeIds = null);

/// <summary>Where a page ends: the (day, id) of its last row; the next page starts after it.</summary>
public readonly record struct CheckInCursor(DateOnly Day, long Id);

/// <summary>Reads check-ins in (day, id) order by keyset — never by offset — or as a stream for exports.</summary>
public interface ICheckInQuery
{
    /// <summary>At most <paramref name="limit"/> rows after <paramref name="after"/> (from the start when null).</summary>
    Task<IReadOnlyList<CheckInRecord>> PageAsync(CheckInFilter filter, CheckInCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>Every matching row in order, streamed from the store without holding them all.</summary>
    IAsyncEnumerable<CheckInRecord> StreamAsync(CheckInFilter filter, CancellationToken cancellationToken);
}
