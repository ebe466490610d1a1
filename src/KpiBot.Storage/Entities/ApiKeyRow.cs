namespace KpiBot.Storage.Entities;

/// <summary>An API key: its name, scope, team, lookup prefix and the SHA-256 of the secret (never the secret).</summary>
public sealed class ApiKeyRow
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Scope { get; set; }
    public string? TeamId { get; set; }
    public required string Prefix { get; set; }
    public required string SecretHash { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
