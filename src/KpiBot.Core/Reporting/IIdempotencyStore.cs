namespace KpiBot.Core.Reporting;

/// <summary>What became of an idempotency key when a request tried to claim it.</summary>
public enum IdempotencyState
{
    /// <summary>This request claimed the key: do the work, then <see cref="IIdempotencyStore.CompleteAsync"/>.</summary>
    Claimed,
    /// <summary>The same request was done before: answer with the stored response.</summary>
    Completed,
    /// <summary>The same request is being done right now by another call.</summary>
    InProgress,
    /// <summary>The key was used for a different request.</summary>
    Mismatch,
}

/// <summary>A claim on an idempotency key, with the stored answer when the request was done before.</summary>
public sealed record IdempotencyClaim(IdempotencyState State, int? StatusCode = null, string? ResponseBody = null);

/// <summary>
/// Idempotency keys of write requests, per API key: the first request with a key claims it (a unique insert,
/// so two hosts cannot both do the work), its response is stored, and a retry gets the same response.
/// </summary>
public interface IIdempotencyStore
{
    /// <param name="requestHash">A hash of method, path and body, so a key reused for another request is told apart.</param>
    Task<IdempotencyClaim> ClaimAsync(long apiKeyId, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken);

    Task CompleteAsync(long apiKeyId, string key, int statusCode, string responseBody, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives the key up after a failure, so a retry does the work again.</summary>
    Task ReleaseAsync(long apiKeyId, string key, CancellationToken cancellationToken);
}
