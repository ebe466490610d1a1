namespace KpiBot.Storage.Entities;

/// <summary>The bot's installation in a Slack workspace (or a tenant): the token encrypted by Data Protection.</summary>
public sealed class ChatInstallationRow
{
    public required string Platform { get; set; }
    public required string Tenant { get; set; }
    public required string ProtectedToken { get; set; }
    public string? BotUserId { get; set; }
    public string? InstalledBy { get; set; }
    public DateTime InstalledAt { get; set; }
}
