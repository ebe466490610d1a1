using KpiBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KpiBot.Host.Hosting;

/// <summary>Healthy when the configured database answers.</summary>
public sealed class DatabaseHealthCheck(IServiceProvider services, StorageOptions storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await KpiBotDatabase.CanConnectAsync(services, cancellationToken)
                ? HealthCheckResult.Healthy($"{storage.Provider} answers.")
                : HealthCheckResult.Unhealthy($"{storage.Provider} does not answer.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{storage.Provider} failed: {ex.GetType().Name}", ex);
        }
    }
}
