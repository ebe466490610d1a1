namespace KpiBot.Core.Dashboard;

/// <summary>
/// A one-time dashboard sign-in link as stored: the SHA-256 of its token (the token itself is never kept), the
/// person it was made for, and when it stops working. <see cref="UsedAt"/> is set once, by the first redemption.
/// </summary>
public sealed record SignInLink(string TokenHash, string PersonId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt = null);

/// <summary>Where sign-in links are kept, so that every host honours each link once.</summary>
public interface ISignInLinkStore
{
    Task SaveAsync(SignInLink link, CancellationToken cancellationToken);

    /// <summary>The link with this token hash, or null when there is none.</summary>
    Task<SignInLink?> FindAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the link used if it belongs to <paramref name="personId"/>, is unused and has not expired at
    /// <paramref name="now"/>, in one atomic step (of two hosts redeeming the same link at once, one wins).
    /// True when this call redeemed it.
    /// </summary>
    Task<bool> RedeemAsync(string tokenHash, string personId, DateTimeOffset now, CancellationToken cancellationToken);
}
