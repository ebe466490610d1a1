namespace KpiBot.Core.ApiKeys;

/// <summary>API keys: names are unique among keys not revoked; keys are found by their prefix.</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key; false when a key of that name is already active.</summary>
    Task<bool> AddAsync(ApiKey key, CancellationToken cancellationToken);

    Task<ApiKey?> FindByPrefixAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Every key, newest first, revoked ones included.</summary>
    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes the active key of that name; false when there is none.</summary>
    Task<bool> RevokeAsync(string name, DateTimeOffset now, CancellationToken cancellationToken);
}
