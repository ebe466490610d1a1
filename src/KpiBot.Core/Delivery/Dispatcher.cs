using KpiBot.Core.Goals;
using KpiBot.Core.Scheduling;

namespace KpiBot.Core.Delivery;

/// <summary>What one dispatcher run did.</summary>
public sealed record DispatchResult(int Due, int Claimed, int Stranded)
{
    public static readonly DispatchResult Nothing = new(0, 0, 0);
}

/// <summary>
/// The recurring dispatcher (every minute, on whichever host Hangfire runs it): asks the planner which
/// occurrences fell due since the last run — at most each team's catch-up window back, so a dispatcher that
/// was down sends what is still useful and nothing stale — claims them in the database (each key once,
/// whichever host gets there first) and hands the newly claimed ids to the sender queue. It also re-queues
/// claims whose host died between claim and enqueue, and sends left half-done (<see cref="DeliveryOptions.StuckAfter"/>).
/// Safe to run on several hosts at once.
/// </summary>
public sealed class Dispatcher(
    IGoalsProvider goals,
    IDeliveryStore store,
    IDeliveryQueue queue,
    IDispatchCursor cursor,
    TimeProvider time,
    DeliveryOptions options)
{
    public async Task<DispatchResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var model = await goals.CurrentAsync(cancellationToken);
        if (model is null || model.Teams.Count == 0)
        {
            return DispatchResult.Nothing;
        }

        var longestCatchUp = model.Teams.Max(t => t.ScheduleOrDefault.CatchUp);
        var oldestUseful = now - longestCatchUp;
        var last = await cursor.GetAsync(cancellationToken);
        var from = last is { } l && l > oldestUseful ? l : oldestUseful;

        var due = OccurrencePlanner.Due(model, from, now)
            .Where(o => !OccurrencePlanner.IsStale(model, o, now))
            .ToList();   // in due order, so a large fan-out is sent fairly: earliest first

        var claimed = 0;
        foreach (var batch in due.Chunk(Math.Max(1, options.ClaimBatchSize)))
        {
            claimed += (await DeliveryHandOver.ClaimAsync(store, queue, batch, now, cancellationToken)).Count;
        }

        var stranded = await store.StrandedAsync(now - options.StrandedAfter, Math.Max(1, options.ClaimBatchSize), cancellationToken);
        await DeliveryHandOver.EnqueueAsync(store, queue, stranded, now, cancellationToken);
        var stuck = await store.StuckAsync(now - options.StuckAfter, now, Math.Max(1, options.ClaimBatchSize), cancellationToken);
        if (stuck.Count > 0)
        {
            await queue.EnqueueAsync(stuck, cancellationToken);
        }

        await cursor.AdvanceAsync(now, cancellationToken);
        return new DispatchResult(due.Count, claimed, stranded.Count + stuck.Count);
    }
}
