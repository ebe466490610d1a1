using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KpiBot.Teams.Inbound;

/// <summary>
/// Runs the <see cref="TeamsInboundQueue"/>'s work, a few at a time, each in its own scope. On shutdown it
/// takes no new requests' work but finishes what is queued, until the host's shutdown timeout.
/// </summary>
internal sealed class TeamsInboundWorker(TeamsInboundQueue queue, IServiceScopeFactory scopes, ILogger<TeamsInboundWorker> logger) : BackgroundService
{
    private const int Parallelism = 4;
    private readonly CancellationTokenSource _abort = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Parallelism).Select(_ => Task.Run(RunAsync, CancellationToken.None)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        using var abort = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var work in queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider, _abort.Token).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // One activity's failure must not stop the others.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Log.Failed(logger, e, "queued");
            }
            finally
            {
                queue.Done();
            }
        }
    }
}
