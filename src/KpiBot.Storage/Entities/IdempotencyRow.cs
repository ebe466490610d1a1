namespace KpiBot.Storage.Entities;

/// <summary>An Idempotency-Key of an API key's write request, with the answer once it was given.</summary>
public sealed class IdempotencyRow
{
    public long ApiKeyId { get; set; }
    public required string Key { get; set; }
    public required string RequestHash { get; set; }
    public int? StatusCode { get; set; }
    public string? ResponseBody { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}
