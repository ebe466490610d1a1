using KpiBot.Host.Goals;
using KpiBot.Storage;
using Microsoft.Extensions.Options;

namespace KpiBot.Host.Hosting;

/// <summary>
/// On start: apply migrations, then import the sample goals into an empty store so a first run has
/// something to show. Several hosts may start at once; migrations take the database's own lock and the
/// import is skipped when another host already imported. It runs in <see cref="StartingAsync"/>, before any
/// hosted service's StartAsync, because some of them (Data Protection's key ring, Hangfire) read tables
/// that the migrations create.
/// </summary>
public sealed class StartupTasks(
    IServiceScopeFactory scopes,
    IOptions<KpiBotOptions> options,
    KeyRingSettings keyRing,
    IHostEnvironment environment,
    ILogger<StartupTasks> logger)
    : IHostedLifecycleService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await KpiBotDatabase.MigrateAsync(services, cancellationToken);
        Log.Migrated(logger);
        if (options.Value.PublicBaseUri is null)
        {
            // Said once, at start: the digest itself goes out as usual, without the chart in Teams.
            Log.NoPublicBaseUrl(logger);
        }

        if (!keyRing.Encrypted && environment.IsProduction())
        {
            // Said once, at start: the tokens are encrypted, but with keys stored in the clear beside them.
            Log.KeyRingNotEncrypted(logger);
        }

        var sample = options.Value.SampleGoalsFile;
        if (!options.Value.ImportSampleWhenEmpty || string.IsNullOrEmpty(sample))
        {
            return;
        }

        var goals = services.GetRequiredService<GoalsStore>();
        if (await goals.LoadCurrentAsync(cancellationToken) is not null)
        {
            return;
        }

        GoalsFileOutcome outcome;
        try
        {
            outcome = await services.GetRequiredService<GoalsFileService>()
                .ImportAsync(sample, importedBy: "startup", cancellationToken);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Several hosts started on an empty store together and another one imported first: nothing to do.
            if (await AnotherHostImportedAsync(cancellationToken))
            {
                return;
            }

            throw;
        }

        if (!outcome.Imported)
        {
            Log.SampleNotImported(logger, sample, outcome.Describe(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<bool> AnotherHostImportedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GoalsStore>().LoadCurrentAsync(cancellationToken) is not null;
    }
}
