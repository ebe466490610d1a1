namespace KpiBot.Storage.Entities;

/// <summary>A chat user (platform, workspace or tenant, platform user id) linked to a person; unique both ways.</summary>
public sealed class ChatIdentityRow
{
    public long Id { get; set; }
    public required string Platform { get; set; }
    public required string Tenant { get; set; }
    public required string UserId { get; set; }
    public required string PersonId { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
}
