namespace KpiBot.Storage.Entities;

/// <summary>A chat user's profile and 1:1 address as the platform gave them; unique per (platform, tenant, user id).</summary>
public sealed class ChatUserRow
{
    public long Id { get; set; }
    public required string Platform { get; set; }
    public required string Tenant { get; set; }
    public required string UserId { get; set; }
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? TimeZone { get; set; }
    public string? Locale { get; set; }
    public string? ServiceUrl { get; set; }
    public string? PersonalConversationId { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>When the time zone or locale last changed (UTC): the goals cache re-reads profiles when the latest moves.</summary>
    public DateTime? ProfileChangedAt { get; set; }
}
