using KpiBot.Core.Chat;
using KpiBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>One installation per (platform, workspace or tenant); installing again replaces the token.</summary>
public sealed class ChatInstallationStore(KpiBotDbContext db) : IChatInstallationStore
{
    private readonly KpiBotDbContext _db = db ?? throw new ArgumentNullException(nameof(db));

    public async Task SaveAsync(ChatInstallation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        await Upserts.UpdateOrInsertAsync(
            _db,
            () => UpdateAsync(installation, cancellationToken),
            () => new ChatInstallationRow
            {
                Platform = installation.Platform,
                Tenant = installation.TenantId,
                ProtectedToken = installation.ProtectedToken,
                BotUserId = installation.BotUserId,
                InstalledBy = installation.InstalledBy,
                InstalledAt = installation.InstalledAt.UtcDateTime,
            },
            cancellationToken);
    }

    public async Task<ChatInstallation?> FindAsync(string platform, string tenantId, CancellationToken cancellationToken)
    {
        var row = await Of(platform, tenantId).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToInstallation(row);
    }

    public async Task<IReadOnlyList<ChatInstallation>> ListAsync(string platform, CancellationToken cancellationToken)
    {
        var rows = await _db.ChatInstallations.AsNoTracking().Where(c => c.Platform == platform).OrderBy(c => c.Tenant).ToListAsync(cancellationToken);
        return [.. rows.Select(ToInstallation)];
    }

    public async Task<bool> RemoveAsync(string platform, string tenantId, CancellationToken cancellationToken) =>
        await Of(platform, tenantId).ExecuteDeleteAsync(cancellationToken) > 0;

    private static ChatInstallation ToInstallation(ChatInstallationRow row) =>
        new(row.Platform, row.Tenant, row.ProtectedToken, row.BotUserId, row.InstalledBy,
            new DateTimeOffset(DateTime.SpecifyKind(row.InstalledAt, DateTimeKind.Utc)));

    private IQueryable<ChatInstallationRow> Of(string platform, string tenantId) =>
        _db.ChatInstallations.Where(c => c.Platform == platform && c.Tenant == tenantId);

    private Task<int> UpdateAsync(ChatInstallation i, CancellationToken cancellationToken)
    {
        var at = i.InstalledAt.UtcDateTime;
        return Of(i.Platform, i.TenantId).ExecuteUpdateAsync(
            u => u.SetProperty(c => c.ProtectedToken, i.ProtectedToken)
                .SetProperty(c => c.BotUserId, i.BotUserId)
                .SetProperty(c => c.InstalledBy, i.InstalledBy)
                .SetProperty(c => c.InstalledAt, at),
            cancellationToken);
    }
}
