namespace KpiBot.Core.CheckIns;

/// <summary>Recorded values. Writes are idempotent per (person, node, day) and audited.</summary>
public interface ICheckInRepository
{
    /// <summary>Creates, updates (revision + 1, audited) or leaves unchanged the entry of (person, node, day).</summary>
    Task<CheckInRecordResult> RecordAsync(CheckInEntry entry, string changedBy, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Everything a person recorded for one work day (or week start), any node.</summary>
    Task<IReadOnlyList<CheckInEntry>> GetDayAsync(string personId, DateOnly day, CancellationToken cancellationToken);

    /// <summary>The latest day before <paramref name="day"/> on which the person recorded anything, if any.</summary>
    Task<DateOnly?> LastAnsweredDayBeforeAsync(string personId, DateOnly day, CancellationToken cancellationToken);
}
