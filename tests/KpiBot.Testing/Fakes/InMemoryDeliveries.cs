using KpiBot.Core.Chat;
using KpiBot.Core.Delivery;
using KpiBot.Core.Scheduling;

namespace KpiBot.Testing.Fakes;

/// <summary>The delivery table and the job queue in memory, with the same state rules as the store.</summary>
public sealed class InMemoryDeliveries : IDeliveryStore, IDeliveryQueue
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Row> _rows = [];
    private readonly Dictionary<string, long> _byKey = new(StringComparer.Ordinal);
    private readonly List<long> _queue = [];
    private long _nextId;

    /// <summary>Ids handed to the queue, in order (a test drains them).</summary>
    public IReadOnlyList<long> Queued
    {
        get
        {
            lock (_gate)
            {
                return [.. _queue];
            }
        }
    }

    public IReadOnlyList<DeliveryRecord> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _rows.Values.Select(r => r.ToRecord())];
            }
        }
    }

    /// <summary>Takes the queued ids (a test's stand-in for the background workers).</summary>
    public IReadOnlyList<long> Drain()
    {
        lock (_gate)
        {
            var ids = _queue.ToList();
            _queue.Clear();
            return ids;
        }
    }

    public Task EnqueueAsync(IReadOnlyCollection<long> deliveryIds, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _queue.AddRange(deliveryIds);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<long>> ClaimAsync(IReadOnlyCollection<Occurrence> occurrences, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var ids = new List<long>();
            foreach (var occurrence in occurrences)
            {
                if (_byKey.ContainsKey(occurrence.Key))
                {
                    continue;
                }

                var id = ++_nextId;
                _rows[id] = new Row(id, occurrence) { CreatedAt = now, UpdatedAt = now };
                _byKey[occurrence.Key] = id;
                ids.Add(id);
            }

            return Task.FromResult<IReadOnlyList<long>>(ids);
        }
    }

    public Task MarkEnqueuedAsync(IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var id in ids)
            {
                _rows[id].EnqueuedAt = now;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<long>> StrandedAsync(DateTimeOffset claimedBefore, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<long>>(
                [.. _rows.Values.Where(r => r.State == DeliveryState.Pending && r.EnqueuedAt is null && r.CreatedAt < claimedBefore).Select(r => r.Id).Take(max)]);
        }
    }

    public Task<DeliveryRecord?> BeginSendAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_rows.TryGetValue(id, out var row))
            {
                return Task.FromResult<DeliveryRecord?>(null);
            }

            switch (row.State)
            {
                case DeliveryState.Pending or DeliveryState.Preparing:
                    row.State = DeliveryState.Preparing;
                    row.Attempts++;
                    break;
                case DeliveryState.Sending:
                    row.State = DeliveryState.Unknown;
                    break;
            }

            row.UpdatedAt = now;
            return Task.FromResult<DeliveryRecord?>(row.ToRecord());
        }
    }

    public Task<bool> BeginPostAsync(long id, int attempt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var row = _rows[id];
            if (row.State != DeliveryState.Preparing || row.Attempts != attempt)
            {
                return Task.FromResult(false);
            }

            row.State = DeliveryState.Sending;
            row.UpdatedAt = now;
            return Task.FromResult(true);
        }
    }

    public Task CompleteAsync(long id, int attempt, DeliveryState state, MessageRef? message, string? detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (state.IsInProgress())
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "A delivery completes in a final state.");
        }

        lock (_gate)
        {
            var row = _rows[id];
            if (row.Attempts == attempt && row.State is DeliveryState.Preparing or DeliveryState.Sending or DeliveryState.Unknown)
            {
                row.State = state;
                row.Message = message;
                row.Detail = detail;
                row.UpdatedAt = now;
            }
        }

        return Task.CompletedTask;
    }

    public Task ReleaseAsync(long id, int attempt, DateTimeOffset retryAt, string? detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var row = _rows[id];
            if (row.Attempts == attempt && row.State is DeliveryState.Preparing or DeliveryState.Sending)
            {
                row.State = DeliveryState.Pending;
                row.Detail = detail;
                row.UpdatedAt = now;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<long>> StuckAsync(DateTimeOffset updatedBefore, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var stuck = _rows.Values
                .Where(r => r.State is DeliveryState.Preparing or DeliveryState.Sending && r.UpdatedAt < updatedBefore)
                .OrderBy(r => r.UpdatedAt).Take(max).ToList();
            foreach (var row in stuck)
            {
                row.UpdatedAt = now;
            }

            return Task.FromResult<IReadOnlyList<long>>([.. stuck.Select(r => r.Id)]);
        }
    }

    public Task<DeliveryRecord?> FindAsync(string occurrenceKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_byKey.TryGetValue(occurrenceKey, out var id) ? _rows[id].ToRecord() : null);
        }
    }

    public Task<IReadOnlyList<DeliveryRecord>> FindManyAsync(IReadOnlyCollection<string> occurrenceKeys, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<DeliveryRecord>>(
                [.. occurrenceKeys.Distinct(StringComparer.Ordinal).Where(_byKey.ContainsKey).Select(k => _rows[_byKey[k]].ToRecord())]);
        }
    }

    public Task MarkPartDoneAsync(long id, string part, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _rows[id].DoneParts.Add(part);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlySet<string>> DonePartsAsync(long id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlySet<string>>(_rows[id].DoneParts.ToHashSet(StringComparer.Ordinal));
        }
    }

    public Task<IReadOnlySet<string>> UnreachableAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var wanted = personIds.ToHashSet(StringComparer.Ordinal);
            IReadOnlySet<string> result = _rows.Values
                .Where(r => wanted.Contains(r.Occurrence.RecipientId) && r.Occurrence.Kind is not (OccurrenceKind.Digest or OccurrenceKind.BlockerNotice))
                .GroupBy(r => r.Occurrence.RecipientId)
                .Where(g => g.MaxBy(r => r.Id)!.State == DeliveryState.Unreachable)
                .Select(g => g.Key)
                .ToHashSet(StringComparer.Ordinal);
            return Task.FromResult(result);
        }
    }

    private sealed class Row(long id, Occurrence occurrence)
    {
        public long Id { get; } = id;

        public Occurrence Occurrence { get; } = occurrence;

        public DeliveryState State { get; set; } = DeliveryState.Pending;

        public int Attempts { get; set; }

        public MessageRef? Message { get; set; }

        public string? Detail { get; set; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset? EnqueuedAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }

        public HashSet<string> DoneParts { get; } = new(StringComparer.Ordinal);

        public DeliveryRecord ToRecord() => new(Id, Occurrence, State, Attempts, Message, Detail);
    }
}
