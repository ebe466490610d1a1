using KpiBot.Core.Dashboard;
using KpiBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>
/// Sign-in links by token hash. Redemption is one conditional UPDATE (unused, unexpired, this person), so of two
/// hosts redeeming the same link exactly one succeeds. Links a day past their expiry are deleted when a new one is saved.
/// </summary>
public sealed class SignInLinkStore(KpiBotDbContext db) : ISignInLinkStore
{
    private static readonly TimeSpan KeepExpired = TimeSpan.FromDays(1);

    public async Task SaveAsync(SignInLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var stale = link.CreatedAt.UtcDateTime - KeepExpired;
        await db.SignInLinks.Where(l => l.ExpiresAt < stale).ExecuteDeleteAsync(cancellationToken);
        db.SignInLinks.Add(new SignInLinkRow
        {
            TokenHash = link.TokenHash,
            PersonId = link.PersonId,
            CreatedAt = link.CreatedAt.UtcDateTime,
            ExpiresAt = link.ExpiresAt.UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<SignInLink?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var row = await db.SignInLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == tokenHash, cancellationToken);
        return row is null
            ? null
            : new SignInLink(row.TokenHash, row.PersonId, Utc(row.CreatedAt), Utc(row.ExpiresAt), row.UsedAt is { } used ? Utc(used) : null);
    }

    public async Task<bool> RedeemAsync(string tokenHash, string personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = now.UtcDateTime;
        var changed = await db.SignInLinks
            .Where(l => l.TokenHash == tokenHash && l.PersonId == personId && l.UsedAt == null && l.ExpiresAt > at)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.UsedAt, at), cancellationToken);
        return changed == 1;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
