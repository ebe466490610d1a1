using KpiBot.Core.Reporting;
using KpiBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>
/// Idempotency keys in <c>api_idempotency</c>, keyed (api key, Idempotency-Key): the insert decides which of two
/// concurrent requests (on any host) does the work; the loser reads the row and replays, waits or refuses.
/// Keys older than <see cref="KeepFor"/> are forgotten when new ones are claimed.
/// </summary>
public sealed class IdempotencyStore(KpiBotDbContext db) : IIdempotencyStore
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(24);
    private readonly KpiBotDbContext _db = db ?? throw new ArgumentNullException(nameof(db));

    public async Task<IdempotencyClaim> ClaimAsync(long apiKeyId, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = now.UtcDateTime;
        var expired = at - KeepFor;
        await _db.IdempotencyKeys.Where(i => i.ApiKeyId == apiKeyId && i.CreatedAt < expired).ExecuteDeleteAsync(cancellationToken);
        _db.IdempotencyKeys.Add(new IdempotencyRow { ApiKeyId = apiKeyId, Key = key, RequestHash = requestHash, CreatedAt = at });
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
            return new IdempotencyClaim(IdempotencyState.Claimed);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            _db.ChangeTracker.Clear();
            var row = await _db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(i => i.ApiKeyId == apiKeyId && i.Key == key, cancellationToken);
            return row switch
            {
                null => await ClaimAsync(apiKeyId, key, requestHash, now, cancellationToken),
                _ when row.RequestHash != requestHash => new IdempotencyClaim(IdempotencyState.Mismatch),
                { StatusCode: { } status } => new IdempotencyClaim(IdempotencyState.Completed, status, row.ResponseBody),
                _ => new IdempotencyClaim(IdempotencyState.InProgress),
            };
        }
        finally
        {
            _db.ChangeTracker.Clear();
        }
    }

    public async Task CompleteAsync(long apiKeyId, string key, int statusCode, string responseBody, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = now.UtcDateTime;
        await _db.IdempotencyKeys.Where(i => i.ApiKeyId == apiKeyId && i.Key == key)
            .ExecuteUpdateAsync(u => u
                .SetProperty(i => i.StatusCode, statusCode)
                .SetProperty(i => i.ResponseBody, responseBody)
                .SetProperty(i => i.CompletedAt, at), cancellationToken);
    }

    public async Task ReleaseAsync(long apiKeyId, string key, CancellationToken cancellationToken) =>
        await _db.IdempotencyKeys.Where(i => i.ApiKeyId == apiKeyId && i.Key == key && i.StatusCode == null)
            .ExecuteDeleteAsync(cancellationToken);
}
