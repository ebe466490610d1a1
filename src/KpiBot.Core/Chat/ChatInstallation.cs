namespace KpiBot.Core.Chat;

/// <summary>
/// The bot installed in a workspace (Slack OAuth) or tenant: its token, already encrypted by the adapter
/// (<see cref="ProtectedToken"/> is never the plain token), and the bot's own user id there.
/// </summary>
public sealed record ChatInstallation(
    string Platform,
    string TenantId,
    string ProtectedToken,
    string? BotUserId,
    string? InstalledBy,
    DateTimeOffset InstalledAt);
