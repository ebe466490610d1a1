namespace KpiBot.Core.Chat;

/// <summary>Installations per (platform, workspace or tenant): one row each; installing again replaces it.</summary>
public interface IChatInstallationStore
{
    Task SaveAsync(ChatInstallation installation, CancellationToken cancellationToken);

    Task<ChatInstallation?> FindAsync(string platform, string tenantId, CancellationToken cancellationToken);

    /// <summary>Every installation on a platform (one per workspace: a few rows, for jobs that visit each workspace).</summary>
    Task<IReadOnlyList<ChatInstallation>> ListAsync(string platform, CancellationToken cancellationToken);

    /// <summary>Forgets an installation (app uninstalled, tokens revoked); true when there was one.</summary>
    Task<bool> RemoveAsync(string platform, string tenantId, CancellationToken cancellationToken);
}
