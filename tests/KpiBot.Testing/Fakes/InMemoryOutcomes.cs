using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Outcomes;

namespace KpiBot.Testing.Fakes;

/// <summary>Reported actuals in memory, behaving like the store: one value per (node, person, period), revisions, history.</summary>
public sealed class InMemoryOutcomes : IOutcomeStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Node, string Person, DateOnly Period), OutcomeEntry> _entries = [];
    private readonly List<(OutcomeEntry Entry, OutcomeChange Change)> _history = [];

    public IReadOnlyCollection<OutcomeEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries.Values];
            }
        }
    }

    public Task<CheckInRecordResult> RecordAsync(OutcomeEntry entry, string changedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Value != decimal.Round(entry.Value, 4))
        {
            return Task.FromResult(new CheckInRecordResult(CheckInOutcome.InvalidValue, Rejection: ValueRejection.TooManyDecimals));
        }

        lock (_gate)
        {
            var key = (entry.NodeId, entry.PersonId ?? string.Empty, entry.PeriodStart);
            _entries.TryGetValue(key, out var current);
            if (current is not null && current.Value == entry.Value && current.Note == entry.Note)
            {
                return Task.FromResult(new CheckInRecordResult(CheckInOutcome.Unchanged, current.Revision));
            }

            var revision = (current?.Revision ?? 0) + 1;
            _entries[key] = entry with { Revision = revision };
            _history.Add((entry, new OutcomeChange(revision, current?.Value, entry.Value, entry.Note, changedBy, entry.Source, now)));
            return Task.FromResult(new CheckInRecordResult(current is null ? CheckInOutcome.Created : CheckInOutcome.Updated, revision));
        }
    }

    public Task<OutcomeEntry?> GetAsync(string nodeId, string? personId, DateOnly periodStart, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_entries.GetValueOrDefault((nodeId, personId ?? string.Empty, periodStart)));
        }
    }

    public Task<IReadOnlyList<OutcomeChange>> HistoryAsync(string nodeId, string? personId, DateOnly periodStart, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OutcomeChange>>(
            [
                .. _history.Where(h => h.Entry.NodeId == nodeId && h.Entry.PersonId == personId && h.Entry.PeriodStart == periodStart)
                    .Select(h => h.Change),
            ]);
        }
    }

    public Task<IReadOnlyList<ActualTotal>> GetTotalsAsync(PeriodWindow window, IReadOnlyCollection<string> nodeIds, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ActualTotal>>(
            [
                .. _entries.Values
                    .Where(e => window.Contains(e.PeriodStart) && nodeIds.Contains(e.NodeId))
                    .GroupBy(e => (Person: e.PersonId ?? string.Empty, e.NodeId))
                    .Select(g => new ActualTotal(g.Key.Person, g.Key.NodeId, g.Sum(e => e.Value), g.Count(),
                        g.MaxBy(e => e.PeriodStart)!.Value)),
            ]);
        }
    }
}
