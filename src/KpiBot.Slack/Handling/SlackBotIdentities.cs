using System.Collections.Concurrent;
using KpiBot.Slack.Api;
using KpiBot.Slack.Inbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KpiBot.Slack.Handling;

/// <summary>
/// The bot's own ids per workspace (auth.test), asked once per workspace and host and kept, to ignore the
/// bot's own messages and strip its mention anywhere in a message. Null while the workspace has no token or
/// Slack does not answer (not cached then: asked again next time).
/// </summary>
public sealed class SlackBotIdentities(IServiceScopeFactory scopes, ILogger<SlackBotIdentities> logger)
{
    private readonly ConcurrentDictionary<string, SlackBotIdentity> _known = new(StringComparer.Ordinal);

    public async ValueTask<SlackBotIdentity?> ForTeamAsync(string teamId, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(teamId, out var known))
        {
            return known;
        }

        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var identity = await scope.ServiceProvider.GetRequiredService<SlackApiClient>().AuthTestAsync(teamId, cancellationToken).ConfigureAwait(false);
            return _known.GetOrAdd(teamId, identity);
        }
        catch (Exception e) when (e is SlackApiException or SlackRateLimitedException or HttpRequestException)
        {
            Log.CallFailed(logger, "auth.test", teamId, e.Message);
            return null;
        }
    }
}
