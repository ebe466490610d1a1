namespace KpiBot.Storage.Entities;

/// <summary>
/// A dashboard sign-in link: the SHA-256 of its token (hex), the person, and UTC <see cref="DateTime"/>s (EF Core
/// cannot compare DateTimeOffset columns on SQLite, and redemption compares the expiry).
/// </summary>
public sealed class SignInLinkRow
{
    public required string TokenHash { get; set; }
    public required string PersonId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}
