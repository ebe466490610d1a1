namespace KpiBot.Storage.Entities;

/// <summary>A channel linked to a team for its digest; unique per (platform, tenant, conversation id).</summary>
public sealed class ChannelLinkRow
{
    public long Id { get; set; }
    public required string Platform { get; set; }
    public required string Tenant { get; set; }
    public required string ConversationId { get; set; }
    public string? ServiceUrl { get; set; }
    public required string TeamId { get; set; }
    public required string LinkedBy { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
}
