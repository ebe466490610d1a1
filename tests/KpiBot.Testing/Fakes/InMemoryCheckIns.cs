using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;

namespace KpiBot.Testing.Fakes;

/// <summary>
/// Check-ins, days, blockers in memory, behaving like the store: one entry per (person, node, day),
/// revisions and an audit count, same-content writes unchanged; totals aggregated per person and node.
/// </summary>
public sealed class InMemoryCheckIns : ICheckInRepository, IDayStore, IBlockerStore, ICheckInTotals
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Person, string Node, DateOnly Day), CheckInEntry> _entries = [];
    private readonly Dictionary<(string Person, DateOnly Day), string> _skips = [];
    private readonly List<(string Person, DateOnly First, DateOnly Last, string? Reason)> _timeOff = [];
    private readonly Dictionary<string, Blocker> _openBlockers = new(StringComparer.Ordinal);

    /// <summary>
    /// The goals, as the store knows them from the import: with them, only values of daily nodes (daily KDIs,
    /// KPIs reported per day) answer a day, as in the store; a weekly value answers its week, not its first day.
    /// Without them every value answers its day.
    /// </summary>
    public GoalsModel? Goals { get; set; }

    /// <summary>How many changes were written (creates + updates), like rows in the audit trail.</summary>
    public int AuditCount { get; private set; }

    public IReadOnlyCollection<CheckInEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries.Values];
            }
        }
    }

    public Task<CheckInRecordResult> RecordAsync(CheckInEntry entry, string changedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Value != decimal.Round(entry.Value, 4))
        {
            return Task.FromResult(new CheckInRecordResult(CheckInOutcome.InvalidValue, Rejection: ValueRejection.TooManyDecimals));
        }

        lock (_gate)
        {
            var key = (entry.PersonId, entry.NodeId, entry.Day);
            if (!_entries.TryGetValue(key, out var current))
            {
                _entries[key] = entry with { Revision = 1 };
                AuditCount++;
                return Task.FromResult(new CheckInRecordResult(CheckInOutcome.Created, 1));
            }

            if (current.Value == entry.Value && current.Note == entry.Note && current.Blocker == entry.Blocker)
            {
                return Task.FromResult(new CheckInRecordResult(CheckInOutcome.Unchanged, current.Revision));
            }

            var revision = current.Revision + 1;
            _entries[key] = entry with { Revision = revision };
            AuditCount++;
            return Task.FromResult(new CheckInRecordResult(CheckInOutcome.Updated, revision));
        }
    }

    public Task<IReadOnlyList<CheckInEntry>> GetDayAsync(string personId, DateOnly day, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<CheckInEntry>>(
                [.. _entries.Values.Where(e => e.PersonId == personId && e.Day == day).OrderBy(e => e.NodeId, StringComparer.Ordinal)]);
        }
    }

    public Task<DateOnly?> LastAnsweredDayBeforeAsync(string personId, DateOnly day, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var days = _entries.Values.Where(e => e.PersonId == personId && e.Day < day).Select(e => e.Day).ToList();
            return Task.FromResult(days.Count == 0 ? (DateOnly?)null : days.Max());
        }
    }

    public Task SkipAsync(string personId, DateOnly day, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _skips[(personId, day)] = reason;
        }

        return Task.CompletedTask;
    }

    public Task AddTimeOffAsync(string personId, DateOnly first, DateOnly last, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _timeOff.Add((personId, first, last, reason));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, DayState>> StatesAsync(IReadOnlyCollection<string> personIds, DateOnly day, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyDictionary<string, DayState>>(
                personIds.Distinct(StringComparer.Ordinal).ToDictionary(p => p, p => StateOf(p, day), StringComparer.Ordinal));
        }
    }

    public Task<IReadOnlyList<PersonDay>> HistoryAsync(IReadOnlyCollection<string> personIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var result = new List<PersonDay>();
            foreach (var person in personIds.Distinct(StringComparer.Ordinal))
            {
                for (var day = from; day <= to; day = day.AddDays(1))
                {
                    var state = StateOf(person, day);
                    if (state != DayState.None)
                    {
                        result.Add(new PersonDay(person, day, state));
                    }
                }
            }

            return Task.FromResult<IReadOnlyList<PersonDay>>(result);
        }
    }

    public Task<IReadOnlyDictionary<string, IReadOnlySet<DateOnly>>> TimeOffAsync(
        IReadOnlyCollection<string> personIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var result = new Dictionary<string, IReadOnlySet<DateOnly>>(StringComparer.Ordinal);
            foreach (var person in personIds.Distinct(StringComparer.Ordinal))
            {
                var days = new HashSet<DateOnly>();
                foreach (var (_, first, last, _) in _timeOff.Where(t => t.Person == person))
                {
                    for (var day = first < from ? from : first; day <= last && day <= to; day = day.AddDays(1))
                    {
                        days.Add(day);
                    }
                }

                if (days.Count > 0)
                {
                    result[person] = days;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<string, IReadOnlySet<DateOnly>>>(result);
        }
    }

    public Task<bool> RaiseAsync(string personId, DateOnly day, string? note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var isNew = !_openBlockers.ContainsKey(personId);
            _openBlockers[personId] = isNew ? new Blocker(personId, day, note, now) : _openBlockers[personId] with { Note = note };
            return Task.FromResult(isNew);
        }
    }

    public Task ResolveAsync(string personId, string resolvedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _openBlockers.Remove(personId);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Blocker>> OpenAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var wanted = personIds.ToHashSet(StringComparer.Ordinal);
            return Task.FromResult<IReadOnlyList<Blocker>>([.. _openBlockers.Values.Where(b => wanted.Contains(b.PersonId)).OrderBy(b => b.RaisedAt)]);
        }
    }

    public Task<IReadOnlyList<ActualTotal>> GetTotalsAsync(
        PeriodWindow window, IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<string>? personIds, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var nodes = nodeIds.ToHashSet(StringComparer.Ordinal);
            var people = personIds?.ToHashSet(StringComparer.Ordinal);
            return Task.FromResult<IReadOnlyList<ActualTotal>>(
            [
                .. _entries.Values
                    .Where(e => window.Contains(e.Day) && nodes.Contains(e.NodeId) && (people is null || people.Contains(e.PersonId)))
                    .GroupBy(e => (e.PersonId, e.NodeId))
                    .Select(g => new ActualTotal(g.Key.PersonId, g.Key.NodeId, g.Sum(e => e.Value), g.Count(), g.MaxBy(e => e.Day)!.Value)),
            ]);
        }
    }

    private bool AnswersADay(string nodeId) => Goals?.NodesById.GetValueOrDefault(nodeId) switch
    {
        null => Goals is null,
        Kdi kdi => kdi.Cadence == KdiCadence.Daily,
        Kpi kpi => kpi.Period == PeriodKind.Day,
        _ => false,
    };

    private DayState StateOf(string person, DateOnly day)
    {
        if (_entries.Keys.Any(k => k.Person == person && k.Day == day && AnswersADay(k.Node)))
        {
            return DayState.Answered;
        }

        if (_skips.ContainsKey((person, day)))
        {
            return DayState.Skipped;
        }

        return _timeOff.Any(t => t.Person == person && t.First <= day && day <= t.Last) ? DayState.Off : DayState.None;
    }
}
