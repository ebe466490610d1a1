namespace KpiBot.Core.ApiKeys;

/// <summary>What a key may do: read, or read and write.</summary>
public enum ApiKeyScope { Read, Write }

/// <summary>
/// An API key as stored: its name (shown in logs), scope, the team it is limited to (null: every team), the
/// SHA-256 of the secret (never the secret), the prefix it is looked up by, and when it was revoked.
/// </summary>
public sealed record ApiKey(
    long Id,
    string Name,
    ApiKeyScope Scope,
    string? TeamId,
    string Prefix,
    string SecretHash,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? RevokedAt = null,
    DateTimeOffset? LastUsedAt = null)
{
    public bool Revoked => RevokedAt is not null;

    public bool CanWrite => Scope == ApiKeyScope.Write;

    /// <summary>True when the key may read or write <paramref name="teamId"/>'s data.</summary>
    public bool Covers(string? teamId) => TeamId is null || string.Equals(TeamId, teamId, StringComparison.Ordinal);
}
