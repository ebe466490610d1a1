namespace KpiBot.Storage.Entities;

/// <summary>An inbound delivery already handled (a Slack event id); the primary key makes "first time" atomic across hosts.</summary>
public sealed class InboundSeenRow
{
    public required string Platform { get; set; }
    public required string Key { get; set; }

    /// <summary>UTC; a plain DateTime so SQLite can compare it in the purge.</summary>
    public DateTime SeenAt { get; set; }
}
