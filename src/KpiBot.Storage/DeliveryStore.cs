using KpiBot.Core.Chat;
using KpiBot.Core.Delivery;
using KpiBot.Core.Scheduling;
using KpiBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>
/// Idempotent deliveries in the <c>deliveries</c> table. Every state change is one conditional UPDATE, so
/// the database decides races between hosts: a key is claimed once, and of two hosts beginning the same
/// send only one moves it from Pending to Sending. States and kinds are stored as their names.
/// </summary>
public sealed partial class DeliveryStore : IDeliveryStore
{
    private const int MaxDetailLength = 2000;
    private readonly KpiBotDbContext _db;

    public DeliveryStore(KpiBotDbContext db)
    {
        _db = db ?? throw new ArgumentNullException(nameof(db));
    }

    public async Task MarkEnqueuedAsync(IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var at = Utc(now);
        foreach (var batch in ids.Distinct().Chunk(ClaimBatchSize))
        {
            await _db.Deliveries.Where(d => batch.Contains(d.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.EnqueuedAt, at).SetProperty(d => d.UpdatedAt, at), cancellationToken);
        }
    }

    /// <summary>
    /// Pending rows with no send job — never enqueued, or released for a retry whose job was never scheduled —
    /// claimed (and due for retry) before <paramref name="claimedBefore"/>, oldest first (index on state, enqueued_at, created_at).
    /// </summary>
    public async Task<IReadOnlyList<long>> StrandedAsync(DateTimeOffset claimedBefore, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var before = Utc(claimedBefore);
        return await _db.Deliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Pending && d.EnqueuedAt == null && d.CreatedAt < before
                && (d.NextAttemptAt == null || d.NextAttemptAt < before))
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .Take(max)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Takes a Pending row, or a Preparing one (its sender died or failed before posting), for this sender:
    /// Preparing with attempts + 1. A row found Sending (its post may have happened) becomes Unknown and is not
    /// sent again. Any other state is returned unchanged; null when no row has that id.
    /// </summary>
    public async Task<DeliveryRecord?> BeginSendAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await BeginSendAsync([id], now, cancellationToken)).FirstOrDefault();

    /// <summary>
    /// Takes a batch of rows for this sender in one transaction of three statements, whatever the batch's size: the
    /// Pending and Preparing rows move to Preparing with attempts + 1, the Sending ones to Unknown, and all are read
    /// back as left. The transaction holds the rows it moved until it commits, so a row read back Preparing carries
    /// this caller's attempt number: a sender that takes it over later gets a higher one and fences this one out.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryRecord>> BeginSendAsync(IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var batch = ids.Distinct().ToList();
        if (batch.Count == 0)
        {
            return [];
        }

        var at = Utc(now);
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        await _db.Deliveries
            .Where(d => batch.Contains(d.Id) && (d.State == DeliveryState.Pending || d.State == DeliveryState.Preparing))
            .ExecuteUpdateAsync(
                u => u.SetProperty(d => d.State, DeliveryState.Preparing)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                    .SetProperty(d => d.UpdatedAt, at),
                cancellationToken);
        await _db.Deliveries
            .Where(d => batch.Contains(d.Id) && d.State == DeliveryState.Sending)
            .ExecuteUpdateAsync(
                u => u.SetProperty(d => d.State, DeliveryState.Unknown)
                    .SetProperty(d => d.Detail, "in flight when its sender stopped")
                    .SetProperty(d => d.UpdatedAt, at),
                cancellationToken);
        var rows = await _db.Deliveries.AsNoTracking().Where(d => batch.Contains(d.Id)).ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var order = batch.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return [.. rows.OrderBy(r => order[r.Id]).Select(ToRecord)];
    }

    /// <summary>Preparing → Sending for this sender's attempt only (a sender taken over posts nothing).</summary>
    public async Task<bool> BeginPostAsync(long id, int attempt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = Utc(now);
        return await _db.Deliveries
            .Where(d => d.Id == id && d.State == DeliveryState.Preparing && d.Attempts == attempt)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryState.Sending).SetProperty(d => d.UpdatedAt, at), cancellationToken) == 1;
    }

    /// <summary>
    /// Finishes this sender's row — Preparing (nothing to send), Sending, or Unknown since (a late outcome is
    /// better than none) — in <paramref name="state"/>; rows in other states or of another attempt are left as they are.
    /// </summary>
    public async Task CompleteAsync(
        long id,
        int attempt,
        DeliveryState state,
        MessageRef? message,
        string? detail,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (!IsFinal(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "A delivery completes in a final state.");
        }

        var at = Utc(now);
        var trimmed = Trim(detail);
        var conversation = message?.Conversation;
        await _db.Deliveries
            .Where(d => d.Id == id && d.Attempts == attempt
                && (d.State == DeliveryState.Preparing || d.State == DeliveryState.Sending || d.State == DeliveryState.Unknown))
            .ExecuteUpdateAsync(
                u => u.SetProperty(d => d.State, state)
                    .SetProperty(d => d.MessagePlatform, conversation == null ? null : conversation.Platform)
                    .SetProperty(d => d.MessageTenant, conversation == null ? null : conversation.TenantId)
                    .SetProperty(d => d.MessageConversationId, conversation == null ? null : conversation.ConversationId)
                    .SetProperty(d => d.MessageServiceUrl, conversation == null ? null : conversation.ServiceUrl)
                    .SetProperty(d => d.MessageId, message == null ? null : message.MessageId)
                    .SetProperty(d => d.Detail, trimmed)
                    .SetProperty(d => d.UpdatedAt, at),
                cancellationToken);
    }

    /// <summary>This sender's Preparing or Sending row → Pending, to be tried again at <paramref name="retryAt"/>.</summary>
    public async Task ReleaseAsync(long id, int attempt, DateTimeOffset retryAt, string? detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = Utc(now);
        var next = Utc(retryAt);
        var trimmed = Trim(detail);
        await _db.Deliveries
            .Where(d => d.Id == id && d.Attempts == attempt && (d.State == DeliveryState.Preparing || d.State == DeliveryState.Sending))
            .ExecuteUpdateAsync(
                u => u.SetProperty(d => d.State, DeliveryState.Pending)
                    .SetProperty(d => d.NextAttemptAt, next)
                    // Until the retry job is scheduled (and marks it enqueued again), the row counts as
                    // stranded once its retry time has passed, so a host dying in between loses nothing.
                    .SetProperty(d => d.EnqueuedAt, (DateTime?)null)
                    .SetProperty(d => d.Detail, trimmed)
                    .SetProperty(d => d.UpdatedAt, at),
                cancellationToken);
    }

    /// <summary>
    /// Rows Preparing or Sending, untouched since <paramref name="updatedBefore"/>, oldest first (few rows are in
    /// those states: index on state), each noted as handed over now.
    /// </summary>
    public async Task<IReadOnlyList<long>> StuckAsync(DateTimeOffset updatedBefore, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var before = Utc(updatedBefore);
        var ids = await _db.Deliveries.AsNoTracking()
            .Where(d => (d.State == DeliveryState.Preparing || d.State == DeliveryState.Sending) && d.UpdatedAt < before)
            .OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id)
            .Take(max)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        if (ids.Count > 0)
        {
            var at = Utc(now);
            await _db.Deliveries.Where(d => ids.Contains(d.Id) && d.UpdatedAt < before)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.UpdatedAt, at), cancellationToken);
        }

        return ids;
    }

    private static bool IsFinal(DeliveryState state) => !state.IsInProgress();

    public async Task<DeliveryRecord?> FindAsync(string occurrenceKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(occurrenceKey);
        var row = await _db.Deliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Key == occurrenceKey, cancellationToken);
        return row is null ? null : ToRecord(row);
    }

    public async Task<IReadOnlyList<DeliveryRecord>> FindManyAsync(IReadOnlyCollection<string> occurrenceKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrenceKeys);
        var found = new List<DeliveryRecord>();
        foreach (var chunk in occurrenceKeys.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var rows = await _db.Deliveries.AsNoTracking().Where(d => chunk.Contains(d.Key)).ToListAsync(cancellationToken);
            found.AddRange(rows.Select(ToRecord));
        }

        return found;
    }

    public Task MarkPartDoneAsync(long id, string part, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(part);
        var line = part.ReplaceLineEndings(" ") + "\n";
        return _db.Deliveries.Where(d => d.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.DoneParts, d => (d.DoneParts ?? "") + line), cancellationToken);
    }

    public async Task<IReadOnlySet<string>> DonePartsAsync(long id, CancellationToken cancellationToken)
    {
        var parts = await _db.Deliveries.AsNoTracking().Where(d => d.Id == id).Select(d => d.DoneParts).FirstOrDefaultAsync(cancellationToken);
        return (parts ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Of these people, those whose latest finished send to them (Sent or Unreachable; digests, which go to
    /// teams, and notices, which go to others about them, left out) ended Unreachable. Pending, skipped or failed rows say nothing about reachability.
    /// </summary>
    public async Task<IReadOnlySet<string>> UnreachableAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in personIds.Distinct(StringComparer.Ordinal).Chunk(ClaimBatchSize))
        {
            var finished = _db.Deliveries.AsNoTracking().Where(d =>
                d.Kind != OccurrenceKind.Digest && d.Kind != OccurrenceKind.BlockerNotice
                && (d.State == DeliveryState.Sent || d.State == DeliveryState.Unreachable));
            // NOT EXISTS a later finished row for the recipient: a seek on (recipient_id, created_at) per row.
            var unreachable = await finished
                .Where(d => batch.Contains(d.RecipientId) && d.State == DeliveryState.Unreachable
                    && !finished.Any(later => later.RecipientId == d.RecipientId
                        && (later.CreatedAt > d.CreatedAt || (later.CreatedAt == d.CreatedAt && later.Id > d.Id))))
                .Select(d => d.RecipientId)
                .Distinct()
                .ToListAsync(cancellationToken);
            result.UnionWith(unreachable);
        }

        return result;
    }

    internal static DeliveryRecord ToRecord(DeliveryRow row)
    {
        var message = row.MessageId is null || row.MessagePlatform is null || row.MessageTenant is null || row.MessageConversationId is null
            ? null
            : new MessageRef(
                new ConversationAddress(row.MessagePlatform, row.MessageTenant, row.MessageConversationId, row.MessageServiceUrl),
                row.MessageId);
        var occurrence = new Occurrence(row.Kind, row.RecipientId, row.WorkDay, new DateTimeOffset(DateTime.SpecifyKind(row.DueAt, DateTimeKind.Utc)));
        return new DeliveryRecord(row.Id, occurrence, row.State, row.Attempts, message, row.Detail);
    }

    private static DateTime Utc(DateTimeOffset value) => value.UtcDateTime;

    private static string? Trim(string? detail) =>
        detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail;
}
