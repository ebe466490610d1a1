using System.Threading.Channels;
using KpiBot.Core.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Benchmarks;

/// <summary>
/// For measuring the engine without Hangfire: an in-process queue drained by N tasks, each sending one
/// delivery in a scope of its own, as Hangfire's workers do.
/// </summary>
public sealed class ChannelDeliveryQueue : IDeliveryQueue
{
    private readonly Channel<long> _ids = Channel.CreateUnbounded<long>();

    public async Task EnqueueAsync(IReadOnlyCollection<long> deliveryIds, CancellationToken cancellationToken)
    {
        foreach (var id in deliveryIds)
        {
            await _ids.Writer.WriteAsync(id, cancellationToken);
        }
    }

    public IReadOnlyList<Task> StartWorkers(IServiceProvider services, int count, CancellationToken cancellationToken) =>
        [.. Enumerable.Range(0, count).Select(_ => Task.Run(async () =>
        {
            await foreach (var id in _ids.Reader.ReadAllAsync(cancellationToken))
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeliveryService>().SendAsync(id, cancellationToken);
            }
        }, cancellationToken))];
}
