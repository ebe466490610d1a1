using KpiBot.Core.Chat;
using KpiBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>
/// Chat users' profiles and 1:1 addresses; a save merges (null keeps what is stored). A change of time zone or
/// locale stamps <see cref="Entities.ChatUserRow.ProfileChangedAt"/>, which the goals cache watches.
/// </summary>
public sealed class ChatUserStore(KpiBotDbContext db) : IChatUserStore
{
    private readonly KpiBotDbContext _db = db ?? throw new ArgumentNullException(nameof(db));

    public async Task<ChatUserInfo?> FindAsync(ChatUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var row = await Of(user).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new ChatUserInfo(user, row.DisplayName, row.Email, row.TimeZone, row.Locale, row.ServiceUrl, row.PersonalConversationId);
    }

    /// <summary>The stored profiles of these users in one query per platform and workspace (a batch of sends is usually one).</summary>
    public async Task<IReadOnlyList<ChatUserInfo>> FindManyAsync(IReadOnlyCollection<ChatUser> users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        var found = new List<ChatUserInfo>(users.Count);
        foreach (var group in users.Distinct().GroupBy(u => (u.Platform, u.TenantId)))
        {
            var (platform, tenant) = group.Key;
            var ids = group.Select(u => u.UserId).ToList();
            var rows = await _db.ChatUsers.AsNoTracking()
                .Where(c => c.Platform == platform && c.Tenant == tenant && ids.Contains(c.UserId))
                .ToListAsync(cancellationToken);
            found.AddRange(rows.Select(row => new ChatUserInfo(
                new ChatUser(platform, tenant, row.UserId), row.DisplayName, row.Email, row.TimeZone, row.Locale, row.ServiceUrl, row.PersonalConversationId)));
        }

        return found;
    }

    public async Task SaveAsync(ChatUserInfo info, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(info);
        var at = now.UtcDateTime;
        // A concurrent first save of the same user ends as one row: the later one merges into it.
        await Upserts.UpdateOrInsertAsync(
            _db,
            () => UpdateAsync(info, at, cancellationToken),
            () => new ChatUserRow
            {
                Platform = info.User.Platform,
                Tenant = info.User.TenantId,
                UserId = info.User.UserId,
                DisplayName = info.DisplayName,
                Email = info.Email,
                TimeZone = info.TimeZone,
                Locale = info.Locale,
                ServiceUrl = info.ServiceUrl,
                PersonalConversationId = info.PersonalConversationId,
                UpdatedAt = at,
                ProfileChangedAt = info.TimeZone is null && info.Locale is null ? null : at,
            },
            cancellationToken);
    }

    private IQueryable<ChatUserRow> Of(ChatUser user) =>
        _db.ChatUsers.Where(c => c.Platform == user.Platform && c.Tenant == user.TenantId && c.UserId == user.UserId);

    private Task<int> UpdateAsync(ChatUserInfo info, DateTime at, CancellationToken cancellationToken)
    {
        var (name, email, zone, locale, url, conversation) =
            (info.DisplayName, info.Email, info.TimeZone, info.Locale, info.ServiceUrl, info.PersonalConversationId);
        return Of(info.User).ExecuteUpdateAsync(
            u => u.SetProperty(c => c.DisplayName, c => name ?? c.DisplayName)
                .SetProperty(c => c.Email, c => email ?? c.Email)
                .SetProperty(c => c.TimeZone, c => zone ?? c.TimeZone)
                .SetProperty(c => c.Locale, c => locale ?? c.Locale)
                .SetProperty(c => c.ServiceUrl, c => url ?? c.ServiceUrl)
                .SetProperty(c => c.PersonalConversationId, c => conversation ?? c.PersonalConversationId)
                .SetProperty(c => c.UpdatedAt, at)
                .SetProperty(
                    c => c.ProfileChangedAt,
                    c => (zone != null && zone != c.TimeZone) || (locale != null && locale != c.Locale) ? at : c.ProfileChangedAt),
            cancellationToken);
    }
}
