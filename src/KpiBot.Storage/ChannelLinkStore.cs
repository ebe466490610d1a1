using KpiBot.Core.Channels;
using KpiBot.Core.Chat;
using KpiBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>Channel → team links for digests; a channel (platform, tenant, conversation id) serves one team.</summary>
public sealed class ChannelLinkStore : IChannelLinkStore
{
    private readonly KpiBotDbContext _db;

    public ChannelLinkStore(KpiBotDbContext db)
    {
        _db = db ?? throw new ArgumentNullException(nameof(db));
    }

    /// <summary>Links the channel to the team; a linked channel moves to the new team and keeps the latest service URL.</summary>
    public async Task LinkAsync(
        ConversationAddress channel,
        string teamId,
        string linkedBy,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(teamId);
        ArgumentException.ThrowIfNullOrWhiteSpace(linkedBy);
        var at = now.ToUniversalTime();

        // Linked at the same moment elsewhere: the later call's team wins.
        await Upserts.UpdateOrInsertAsync(
            _db,
            () => UpdateAsync(channel, teamId, linkedBy, at, cancellationToken),
            () => new ChannelLinkRow
            {
                Platform = channel.Platform,
                Tenant = channel.TenantId,
                ConversationId = channel.ConversationId,
                ServiceUrl = channel.ServiceUrl,
                TeamId = teamId,
                LinkedBy = linkedBy,
                LinkedAt = at,
            },
            cancellationToken);
    }

    public async Task<string?> UnlinkAsync(ConversationAddress channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var teamId = await TeamOfChannelAsync(channel, cancellationToken);
        if (teamId is not null)
        {
            await Of(channel).ExecuteDeleteAsync(cancellationToken);
        }

        return teamId;
    }

    public async Task<IReadOnlyList<ConversationAddress>> LinksOfTeamAsync(string teamId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(teamId);
        var rows = await _db.ChannelLinks.AsNoTracking()
            .Where(c => c.TeamId == teamId)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Platform, c.Tenant, c.ConversationId, c.ServiceUrl })
            .ToListAsync(cancellationToken);
        return rows.Select(c => new ConversationAddress(c.Platform, c.Tenant, c.ConversationId, c.ServiceUrl)).ToList();
    }

    public async Task<string?> TeamOfChannelAsync(ConversationAddress channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return await Of(channel).AsNoTracking().Select(c => c.TeamId).FirstOrDefaultAsync(cancellationToken);
    }

    private IQueryable<ChannelLinkRow> Of(ConversationAddress channel) =>
        _db.ChannelLinks.Where(c =>
            c.Platform == channel.Platform && c.Tenant == channel.TenantId && c.ConversationId == channel.ConversationId);

    private Task<int> UpdateAsync(
        ConversationAddress channel,
        string teamId,
        string linkedBy,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var serviceUrl = channel.ServiceUrl;
        return Of(channel).ExecuteUpdateAsync(
            u => u.SetProperty(c => c.TeamId, teamId)
                .SetProperty(c => c.ServiceUrl, c => serviceUrl ?? c.ServiceUrl)
                .SetProperty(c => c.LinkedBy, linkedBy)
                .SetProperty(c => c.LinkedAt, at),
            cancellationToken);
    }
}
