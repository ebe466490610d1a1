using KpiBot.Core.Chat;
using KpiBot.Core.Goals;
using KpiBot.Storage.Entities;
using KpiBot.Storage.Json;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>Finds people by email or chat identity, and links chat users to people.</summary>
public sealed class PersonDirectory : IIdentityStore
{
    private readonly KpiBotDbContext _db;

    public PersonDirectory(KpiBotDbContext db)
    {
        _db = db ?? throw new ArgumentNullException(nameof(db));
    }

    /// <summary>The active person with this address, in any letter case (index-backed on both providers).</summary>
    public async Task<Person?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var normalized = GoalsStore.NormalizeEmail(email);
        var json = await _db.People.AsNoTracking()
            .Where(p => p.EmailNormalized == normalized && p.ArchivedAt == null)
            .Select(p => p.Definition)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : GoalJson.ReadPerson(json);
    }

    public async Task<Person?> FindByChatIdentityAsync(
        string platform,
        string tenant,
        string userId,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(platform);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var json = await (
                from c in _db.ChatIdentities
                join p in _db.People on c.PersonId equals p.Id
                where c.Platform == platform && c.Tenant == tenant && c.UserId == userId && p.ArchivedAt == null
                select p.Definition)
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : GoalJson.ReadPerson(json);
    }

    /// <summary>
    /// Links a chat user to a person. Each chat user maps to one person and each person to one chat user
    /// per platform and workspace/tenant, so an earlier link of either side is replaced.
    /// </summary>
    public async Task<ChatIdentityLinkResult> LinkChatIdentityAsync(
        string platform,
        string tenant,
        string userId,
        string personId,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(platform);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);

        if (!await _db.People.AnyAsync(p => p.Id == personId && p.ArchivedAt == null, cancellationToken))
        {
            return ChatIdentityLinkResult.UnknownPerson;
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await _db.ChatIdentities
            .Where(c => c.Platform == platform && c.Tenant == tenant && (c.UserId == userId || c.PersonId == personId))
            .ToListAsync(cancellationToken);
        if (existing is [var only] && only.UserId == userId && only.PersonId == personId)
        {
            _db.ChangeTracker.Clear();
            return ChatIdentityLinkResult.AlreadyLinked;
        }

        _db.ChatIdentities.RemoveRange(existing);
        await _db.SaveChangesAsync(cancellationToken);
        _db.ChatIdentities.Add(new ChatIdentityRow
        {
            Platform = platform, Tenant = tenant, UserId = userId, PersonId = personId, LinkedAt = now.ToUniversalTime(),
        });
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _db.ChangeTracker.Clear();
        return existing.Count == 0 ? ChatIdentityLinkResult.Linked : ChatIdentityLinkResult.Relinked;
    }

    public async Task<string?> FindPersonIdAsync(ChatUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await (
                from c in _db.ChatIdentities
                join p in _db.People on c.PersonId equals p.Id
                where c.Platform == user.Platform && c.Tenant == user.TenantId && c.UserId == user.UserId && p.ArchivedAt == null
                select p.Id)
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<string?> FindPersonIdByEmailAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var normalized = GoalsStore.NormalizeEmail(email);
        return await _db.People.AsNoTracking()
            .Where(p => p.EmailNormalized == normalized && p.ArchivedAt == null)
            .Select(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Links through <see cref="LinkChatIdentityAsync"/>, retrying when another host linked one side at the
    /// same moment (a unique key). An unknown or archived person is a caller bug.
    /// </summary>
    public async Task LinkAsync(ChatUser user, string personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ChatIdentityLinkResult result;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                result = await LinkChatIdentityAsync(user.Platform, user.TenantId, user.UserId, personId, now, cancellationToken);
                break;
            }
            catch (DbUpdateException ex) when (attempt < 3 && DbErrors.IsUniqueViolation(ex))
            {
                _db.ChangeTracker.Clear();
            }
        }

        if (result == ChatIdentityLinkResult.UnknownPerson)
        {
            throw new ArgumentException($"No active person has the id '{personId}'.", nameof(personId));
        }

        // A profile saved before the link (a zone, a locale) now belongs to this person: move the stamp the goals
        // cache watches, so the person's zone and language follow it without waiting for another change.
        var at = now.UtcDateTime;
        await _db.ChatUsers
            .Where(c => c.Platform == user.Platform && c.Tenant == user.TenantId && c.UserId == user.UserId
                && (c.TimeZone != null || c.Locale != null))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ProfileChangedAt, at), cancellationToken);
    }

    public async Task<IReadOnlyList<ChatUser>> IdentitiesOfAsync(string personId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        var rows = await _db.ChatIdentities.AsNoTracking()
            .Where(c => c.PersonId == personId)
            .OrderBy(c => c.Platform).ThenBy(c => c.Tenant)
            .Select(c => new { c.Platform, c.Tenant, c.UserId })
            .ToListAsync(cancellationToken);
        return rows.Select(c => new ChatUser(c.Platform, c.Tenant, c.UserId)).ToList();
    }
}
