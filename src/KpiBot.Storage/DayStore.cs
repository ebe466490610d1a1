using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>
/// Skips, time off and the derived state of days. A day is Answered when the person has a check-in entry
/// of a daily node on it (a weekly value, kept on its week's first day, answers the week, not that day), else Skipped when a skip row exists, else Off when a time-off range covers it, else None
/// (precedence answered &gt; skipped &gt; off: what the person did beats what was planned).
/// Every read is a few set queries over indexes on (person, day); nothing is loaded per entry.
/// </summary>
public sealed class DayStore : IDayStore
{
    private const int MaxReasonLength = 500;
    private readonly KpiBotDbContext _db;
    private readonly TimeOffStore _timeOff;

    public DayStore(KpiBotDbContext db, TimeOffStore timeOff)
    {
        _db = db ?? throw new ArgumentNullException(nameof(db));
        _timeOff = timeOff ?? throw new ArgumentNullException(nameof(timeOff));
    }

    /// <summary>Marks the day skipped; skipping it again only replaces the reason.</summary>
    public async Task SkipAsync(string personId, DateOnly day, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        ArgumentNullException.ThrowIfNull(reason);
        var trimmed = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;

        if (await UpdateReasonAsync(personId, day, trimmed, cancellationToken) > 0)
        {
            return;
        }

        _db.DaySkips.Add(new DaySkipRow { PersonId = personId, Day = day, Reason = trimmed, CreatedAt = now.ToUniversalTime() });
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Skipped at the same moment elsewhere: the row exists now; keep this reason.
            _db.ChangeTracker.Clear();
            await UpdateReasonAsync(personId, day, trimmed, cancellationToken);
        }
        finally
        {
            _db.ChangeTracker.Clear();
        }
    }

    public async Task AddTimeOffAsync(
        string personId,
        DateOnly first,
        DateOnly last,
        string? reason,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var result = await _timeOff.AddAsync(personId, first, last, reason, now, cancellationToken);
        switch (result)
        {
            case TimeOffResult.LastDayBeforeFirst:
                throw new ArgumentException("The last day of time off is before the first.", nameof(last));
            case TimeOffResult.UnknownPerson:
                throw new ArgumentException($"No active person has the id '{personId}'.", nameof(personId));
        }
    }

    public async Task<IReadOnlyDictionary<string, DayState>> StatesAsync(
        IReadOnlyCollection<string> personIds,
        DateOnly day,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        var ids = personIds.Distinct(StringComparer.Ordinal).ToList();
        var states = ids.ToDictionary(id => id, _ => DayState.None, StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return states;
        }

        var off = await _db.TimeOff.AsNoTracking()
            .Where(t => ids.Contains(t.PersonId) && t.FirstDay <= day && t.LastDay >= day)
            .Select(t => t.PersonId).Distinct().ToListAsync(cancellationToken);
        var skipped = await _db.DaySkips.AsNoTracking()
            .Where(s => ids.Contains(s.PersonId) && s.Day == day)
            .Select(s => s.PersonId).ToListAsync(cancellationToken);
        var answered = await DailyEntries()
            .Where(e => ids.Contains(e.PersonId) && e.Day == day)
            .Select(e => e.PersonId).Distinct().ToListAsync(cancellationToken);

        // Lowest precedence first, so each later write wins.
        foreach (var id in off)
        {
            states[id] = DayState.Off;
        }

        foreach (var id in skipped)
        {
            states[id] = DayState.Skipped;
        }

        foreach (var id in answered)
        {
            states[id] = DayState.Answered;
        }

        return states;
    }

    public async Task<IReadOnlyList<PersonDay>> HistoryAsync(
        IReadOnlyCollection<string> personIds,
        DateOnly from,
        DateOnly to,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        var ids = personIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0 || to < from)
        {
            return [];
        }

        var days = new Dictionary<(string PersonId, DateOnly Day), DayState>();
        foreach (var (personId, offDays) in await _timeOff.GetAsync(ids, from, to, cancellationToken))
        {
            foreach (var offDay in offDays)
            {
                days[(personId, offDay)] = DayState.Off;
            }
        }

        var skipped = await _db.DaySkips.AsNoTracking()
            .Where(s => ids.Contains(s.PersonId) && s.Day >= from && s.Day <= to)
            .Select(s => new { s.PersonId, s.Day }).ToListAsync(cancellationToken);
        foreach (var s in skipped)
        {
            days[(s.PersonId, s.Day)] = DayState.Skipped;
        }

        // One row per person-day (SELECT DISTINCT person_id, day), never one per entry.
        var answered = await DailyEntries()
            .Where(e => ids.Contains(e.PersonId) && e.Day >= from && e.Day <= to)
            .Select(e => new { e.PersonId, e.Day }).Distinct().ToListAsync(cancellationToken);
        foreach (var a in answered)
        {
            days[(a.PersonId, a.Day)] = DayState.Answered;
        }

        return days
            .Select(d => new PersonDay(d.Key.PersonId, d.Key.Day, d.Value))
            .OrderBy(d => d.PersonId, StringComparer.Ordinal).ThenBy(d => d.Day)
            .ToList();
    }

    public Task<IReadOnlyDictionary<string, IReadOnlySet<DateOnly>>> TimeOffAsync(
        IReadOnlyCollection<string> personIds,
        DateOnly from,
        DateOnly to,
        CancellationToken cancellationToken) =>
        _timeOff.GetAsync(personIds, from, to, cancellationToken);

    /// <summary>
    /// The entries that answer a day: values of nodes with a daily target (daily KDIs, KPIs reported per day). A
    /// weekly value is kept on its week's first day but answers the week, not that day, so it does not make the
    /// day answered (participation, streaks and who has not answered count only days actually answered).
    /// </summary>
    private IQueryable<CheckInEntryRow> DailyEntries()
    {
        var daily = nameof(PeriodKind.Day);
        return _db.CheckInEntries.AsNoTracking()
            .Where(e => _db.GoalTargets.Any(t => t.NodeId == e.NodeId && t.Period == daily));
    }

    private Task<int> UpdateReasonAsync(string personId, DateOnly day, string reason, CancellationToken cancellationToken) =>
        _db.DaySkips.Where(s => s.PersonId == personId && s.Day == day)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Reason, reason), cancellationToken);
}
