namespace KpiBot.Core.Delivery;

/// <summary>
/// Up to which instant the dispatcher has claimed occurrences, kept in the database so any host continues
/// where the last run stopped (each occurrence is claimed about once, not once a minute for hours).
/// </summary>
public interface IDispatchCursor
{
    Task<DateTimeOffset?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Moves the cursor forward (never back).</summary>
    Task AdvanceAsync(DateTimeOffset to, CancellationToken cancellationToken);
}
