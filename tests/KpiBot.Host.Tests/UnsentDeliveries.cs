using KpiBot.Core.Delivery;
using KpiBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Host.Tests;

/// <summary>What the test hosts wait for before they look at what was sent.</summary>
internal static class UnsentDeliveries
{
    /// <summary>
    /// Whether a job worker still has a delivery to send or is sending one: any row in progress
    /// (<see cref="DeliveryRow.InProgress"/>) but a Pending one no send job was enqueued for (the host died between
    /// claim and enqueue; only the stranded sweep sends it, so nothing is waiting for a worker).
    /// </summary>
    public static Task<bool> AnyAwaitingWorkerAsync(this IQueryable<DeliveryRow> deliveries, CancellationToken cancellationToken) =>
        deliveries.Where(DeliveryRow.InProgress).AnyAsync(d => d.State != DeliveryState.Pending || d.EnqueuedAt != null, cancellationToken);
}
