using KpiBot.Core.Chat;
using KpiBot.Slack.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KpiBot.Slack.People;

/// <summary>
/// The workspaces the bot has a token for: the configured <c>Slack:BotToken</c>'s own (auth.test, asked once
/// per host and kept once answered) and every workspace installed through OAuth (the installation store). The
/// list is kept for <see cref="CacheFor"/>, so a send that looks a person up does not read the installations.
/// </summary>
public sealed class SlackWorkspaces(IServiceScopeFactory scopes, TimeProvider time, ILogger<SlackWorkspaces> logger)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private volatile string? _configuredTeam;
    private volatile Known? _cached;

    public async Task<IReadOnlyList<string>> TeamIdsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cached is { } cached && cached.Until > now)
        {
            return cached.Teams;
        }

        await using var scope = scopes.CreateAsyncScope();
        List<string> teams = await ConfiguredTeamAsync(scope, cancellationToken).ConfigureAwait(false) is { } configured ? [configured] : [];
        if (scope.ServiceProvider.GetService<IChatInstallationStore>() is { } installations)
        {
            foreach (var installation in await installations.ListAsync(Platforms.Slack, cancellationToken).ConfigureAwait(false))
            {
                if (!teams.Contains(installation.TenantId, StringComparer.Ordinal))
                {
                    teams.Add(installation.TenantId);
                }
            }
        }

        _cached = new Known(teams, now + CacheFor);
        return teams;
    }

    /// <summary>
    /// Whether KpiBot serves workspace <paramref name="teamId"/>: the configured token's or an installed one. A team
    /// not in the kept list is looked up once more (one installation row, never the whole list; auth.test again while the
    /// configured token's team is not known yet), so a workspace installed through another host a moment ago is served at once.
    /// </summary>
    public async Task<bool> IsServedAsync(string teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teamId);
        if ((await TeamIdsAsync(cancellationToken).ConfigureAwait(false)).Contains(teamId, StringComparer.Ordinal))
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        if (_configuredTeam is null && await ConfiguredTeamAsync(scope, cancellationToken).ConfigureAwait(false) == teamId)
        {
            _cached = null; // listed with the others next time
            return true;
        }

        if (scope.ServiceProvider.GetService<IChatInstallationStore>() is { } installations
            && await installations.FindAsync(Platforms.Slack, teamId, cancellationToken).ConfigureAwait(false) is not null)
        {
            _cached = null; // listed with the others next time
            return true;
        }

        return false;
    }

    /// <summary>
    /// The configured token's workspace: asked of auth.test until it answers once (no call when no token is
    /// configured), then kept for the host's life.
    /// </summary>
    private async Task<string?> ConfiguredTeamAsync(AsyncServiceScope scope, CancellationToken cancellationToken)
    {
        if (_configuredTeam is null)
        {
            try
            {
                _configuredTeam = await scope.ServiceProvider.GetRequiredService<SlackApiClient>().ConfiguredTeamAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SlackApiException or SlackRateLimitedException or HttpRequestException)
            {
                Log.CallFailed(logger, "auth.test", "(Slack:BotToken)", e.Message); // asked again next time
            }
        }

        return _configuredTeam;
    }

    /// <summary>One answer, swapped whole so concurrent callers never see half of it.</summary>
    private sealed record Known(IReadOnlyList<string> Teams, DateTimeOffset Until);
}
