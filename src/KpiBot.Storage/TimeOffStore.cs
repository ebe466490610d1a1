using KpiBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>People's time off, owned by the database (never touched by a goals import).</summary>
public sealed class TimeOffStore
{
    private readonly KpiBotDbContext _db;

    public TimeOffStore(KpiBotDbContext db)
    {
        _db = db ?? throw new ArgumentNullException(nameof(db));
    }

    /// <summary>
    /// Adds time off, both ends included. Ranges of the person that overlap or touch it merge into one row
    /// (the new reason wins; without one, an old reason is kept), so the table never holds overlaps.
    /// </summary>
    public async Task<TimeOffResult> AddAsync(
        string personId,
        DateOnly firstDay,
        DateOnly lastDay,
        string? reason,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        if (lastDay < firstDay)
        {
            return TimeOffResult.LastDayBeforeFirst;
        }

        if (!await _db.People.AnyAsync(p => p.Id == personId && p.ArchivedAt == null, cancellationToken))
        {
            return TimeOffResult.UnknownPerson;
        }

        // One transaction per person's change: ranges that overlap or touch the new one are folded into it.
        // On PostgreSQL the person's row is locked first, so two hosts adding time off for one person queue.
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        if (_db.Database.IsNpgsql())
        {
            await _db.Database.ExecuteSqlInterpolatedAsync(
                $"SELECT 1 FROM people WHERE id = {personId} FOR UPDATE", cancellationToken);
        }

        var dayAfter = lastDay == DateOnly.MaxValue ? lastDay : lastDay.AddDays(1);
        var dayBefore = firstDay == DateOnly.MinValue ? firstDay : firstDay.AddDays(-1);
        var touching = await _db.TimeOff
            .Where(t => t.PersonId == personId && t.FirstDay <= dayAfter && t.LastDay >= dayBefore)
            .ToListAsync(cancellationToken);
        var first = touching.Select(t => t.FirstDay).Append(firstDay).Min();
        var last = touching.Select(t => t.LastDay).Append(lastDay).Max();
        reason ??= touching.Select(t => t.Reason).FirstOrDefault(r => r is not null);

        _db.TimeOff.RemoveRange(touching);
        _db.TimeOff.Add(new TimeOffRow
        {
            PersonId = personId, FirstDay = first, LastDay = last, Reason = reason, CreatedAt = now.ToUniversalTime(),
        });
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _db.ChangeTracker.Clear();
        return TimeOffResult.Added;
    }

    /// <summary>The days off between <paramref name="from"/> and <paramref name="to"/> (both included), per person; people with none are left out.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlySet<DateOnly>>> GetAsync(
        IReadOnlyCollection<string> personIds,
        DateOnly from,
        DateOnly to,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        var rows = await _db.TimeOff.AsNoTracking()
            .Where(t => personIds.Contains(t.PersonId) && t.FirstDay <= to && t.LastDay >= from)
            .Select(t => new { t.PersonId, t.FirstDay, t.LastDay })
            .ToListAsync(cancellationToken);

        var result = new Dictionary<string, IReadOnlySet<DateOnly>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!result.TryGetValue(row.PersonId, out var set))
            {
                set = new HashSet<DateOnly>();
                result[row.PersonId] = set;
            }

            var days = (HashSet<DateOnly>)set;
            var first = row.FirstDay > from ? row.FirstDay : from;
            var last = row.LastDay < to ? row.LastDay : to;
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                days.Add(day);
            }
        }

        return result;
    }
}
