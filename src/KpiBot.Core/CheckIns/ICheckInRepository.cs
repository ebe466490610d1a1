namespace KpiBot.Core.CheckIns;

/// <summary>Recorded values. Writes are idempotent per (person, node, day) and audited.</summary>
public interface ICheckInRepository
{
    /// <summary>Creates, updates (revision + 1, audited) or leaves unchanged the entry of (person, node, day).</summary>
    Task<CheckInRecordResult> RecordAsync(CheckInEntry entry, string changedBy, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records one submission's entries as <see cref="RecordAsync"/> would, one after another, with a result per
    /// entry in their order. A store may check the entries together (one read for all) rather than one by one.
    /// </summary>
    async Task<IReadOnlyList<CheckInRecordResult>> RecordAllAsync(
        IReadOnlyList<CheckInEntry> entries, string changedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var results = new List<CheckInRecordResult>(entries.Count);
        foreach (var entry in entries)
        {
            results.Add(await RecordAsync(entry, changedBy, now, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Everything a person recorded for one work day (or week start), any node.</summary>
    Task<IReadOnlyList<CheckInEntry>> GetDayAsync(string personId, DateOnly day, CancellationToken cancellationToken);

    /// <summary>
    /// Everything these people recorded on these days, in one read (a batch of prompts builds its cards from it);
    /// a store may answer with one query rather than one per person and day.
    /// </summary>
    async Task<IReadOnlyList<CheckInEntry>> GetDaysAsync(
        IReadOnlyCollection<string> personIds, IReadOnlyCollection<DateOnly> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        ArgumentNullException.ThrowIfNull(days);
        var entries = new List<CheckInEntry>();
        foreach (var personId in personIds.Distinct(StringComparer.Ordinal))
        {
            foreach (var day in days.Distinct())
            {
                entries.AddRange(await GetDayAsync(personId, day, cancellationToken).ConfigureAwait(false));
            }
        }

        return entries;
    }

    /// <summary>The latest day before <paramref name="day"/> on which the person recorded anything, if any.</summary>
    Task<DateOnly?> LastAnsweredDayBeforeAsync(string personId, DateOnly day, CancellationToken cancellationToken);
}
