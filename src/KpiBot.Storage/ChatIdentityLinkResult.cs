namespace KpiBot.Storage;

/// <summary>What <see cref="PersonDirectory.LinkChatIdentityAsync"/> did.</summary>
public enum ChatIdentityLinkResult
{
    Linked,
    /// <summary>That chat user was already linked to that person.</summary>
    AlreadyLinked,
    /// <summary>Linked, replacing an earlier link of the chat user or of the person on that platform and workspace/tenant.</summary>
    Relinked,
    UnknownPerson,
}
