using KpiBot.Core.ApiKeys;
using KpiBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>API keys in <c>api_keys</c>; an active name is unique (a partial unique index decides between two hosts).</summary>
public sealed class ApiKeyStore(KpiBotDbContext db) : IApiKeyStore
{
    private readonly KpiBotDbContext _db = db ?? throw new ArgumentNullException(nameof(db));

    public async Task<bool> AddAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (await _db.ApiKeys.AnyAsync(k => k.Name == key.Name && k.RevokedAt == null, cancellationToken))
        {
            return false;
        }

        _db.ApiKeys.Add(new ApiKeyRow
        {
            Name = key.Name,
            Scope = key.Scope.ToString(),
            TeamId = key.TeamId,
            Prefix = key.Prefix,
            SecretHash = key.SecretHash,
            CreatedBy = key.CreatedBy,
            CreatedAt = key.CreatedAt.ToUniversalTime(),
        });
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return false;
        }
        finally
        {
            _db.ChangeTracker.Clear();
        }
    }

    public async Task<ApiKey?> FindByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var row = await _db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        return row is null ? null : ToKey(row);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await _db.ApiKeys.AsNoTracking().OrderByDescending(k => k.Id).ToListAsync(cancellationToken);
        return rows.Select(ToKey).ToList();
    }

    public async Task<bool> RevokeAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = now.ToUniversalTime();
        return await _db.ApiKeys.Where(k => k.Name == name && k.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(k => k.RevokedAt, at), cancellationToken) > 0;
    }

    private static ApiKey ToKey(ApiKeyRow row) => new(
        row.Id, row.Name, Enum.Parse<ApiKeyScope>(row.Scope), row.TeamId, row.Prefix, row.SecretHash, row.CreatedAt, row.CreatedBy, row.RevokedAt);
}
