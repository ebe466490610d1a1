using KpiBot.Core.Goals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Storage;

/// <summary>
/// The current goals, shared by every request of the process (a singleton over a scope factory). It keeps
/// the last loaded model with its import version; at most once per <see cref="StorageOptions.GoalsCheckInterval"/>
/// it reads the latest version (one tiny query on the goal_imports key) and reloads only when that changed,
/// so an import on another host shows up within the interval. People's chat profiles (time zone, locale) are
/// laid over the file's model and re-read the same way when the latest profile change moves. Callers that
/// arrive while a check or reload runs wait for it instead of starting their own.
/// </summary>
public sealed class CachedGoalsProvider : IGoalsProvider, IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _snapshot;

    public CachedGoalsProvider(IServiceScopeFactory scopes, TimeProvider time, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scopes = scopes ?? throw new ArgumentNullException(nameof(scopes));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _interval = options.GoalsCheckInterval;
    }

    /// <summary>The import version of the model last returned; null before the first load or import.</summary>
    public int? Version => _snapshot?.Version;

    public async ValueTask<GoalsModel?> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is { } fresh && IsFresh(fresh))
        {
            return fresh.Model;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = _snapshot;
            if (current is not null && IsFresh(current))
            {
                return current.Model; // another caller checked while this one waited
            }

            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KpiBotDbContext>();
            var checkedAt = _time.GetTimestamp();
            var store = new GoalsStore(db);
            var version = await db.GoalImports.AsNoTracking().MaxAsync(i => (int?)i.Version, cancellationToken);
            var profiles = await store.ChatProfilesStampAsync(cancellationToken);
            if (current is not null && current.Version == version && current.ProfilesStamp == profiles)
            {
                _snapshot = current with { CheckedAt = checkedAt };
                return current.Model;
            }

            // An import landing between these reads loads the newer model under the older version number; the
            // next check then reloads once more, which is harmless. A profile change alone re-reads only profiles.
            var fileModel = current is not null && current.Version == version
                ? current.FileModel
                : version is null ? null : await store.LoadCurrentAsync(cancellationToken);
            var model = fileModel is null || profiles is null
                ? fileModel
                : fileModel.WithChatProfiles(await store.LoadChatProfilesAsync(cancellationToken));
            _snapshot = new Snapshot(fileModel, model, version, profiles, checkedAt);
            return model;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Makes the next call check the database (after an import on this host).</summary>
    public void Invalidate()
    {
        if (_snapshot is { } current)
        {
            _snapshot = current with { CheckedAt = long.MinValue };
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool IsFresh(Snapshot snapshot) =>
        snapshot.CheckedAt != long.MinValue && _time.GetElapsedTime(snapshot.CheckedAt) < _interval;

    /// <summary><see cref="FileModel"/> as imported; <see cref="Model"/> with the chat profiles laid over.</summary>
    private sealed record Snapshot(GoalsModel? FileModel, GoalsModel? Model, int? Version, DateTime? ProfilesStamp, long CheckedAt);
}
