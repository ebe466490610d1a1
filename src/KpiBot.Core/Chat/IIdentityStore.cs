namespace KpiBot.Core.Chat;

/// <summary>Chat identities ↔ people: (platform, workspace/tenant, user id) → person id, unique both ways.</summary>
public interface IIdentityStore
{
    Task<string?> FindPersonIdAsync(ChatUser user, CancellationToken cancellationToken);

    /// <summary>The person with this email (case-insensitive), if any and not archived.</summary>
    Task<string?> FindPersonIdByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>Links a chat user to a person, replacing an older link on either side.</summary>
    Task LinkAsync(ChatUser user, string personId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The chat identities of a person (to reach them on their platform).</summary>
    Task<IReadOnlyList<ChatUser>> IdentitiesOfAsync(string personId, CancellationToken cancellationToken);
}
