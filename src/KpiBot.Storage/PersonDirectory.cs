using KpiBot.Core.Goals;
using KpiBot.Storage.Entities;
using KpiBot.Storage.Json;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>Finds people by email or chat identity, and links chat users to people.</summary>
public sealed class PersonDirectory
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
}
