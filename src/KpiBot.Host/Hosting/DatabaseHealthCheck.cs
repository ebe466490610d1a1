using KpiBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KpiBot.Host.Hosting;

/// <summary>Healthy when the configured database answers.</summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KpiBotDbContext>();
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{db.Database.ProviderName} answers.")
                : HealthCheckResult.Unhealthy($"{db.Database.ProviderName} does not answer.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{db.Database.ProviderName} failed: {ex.GetType().Name}", ex);
        }
    }
}
