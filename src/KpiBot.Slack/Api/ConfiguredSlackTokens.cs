using Microsoft.Extensions.Options;

namespace KpiBot.Slack.Api;

/// <summary>
/// A single-workspace setup: <c>Slack:BotToken</c> for whichever workspace asks (null when it is not set).
/// Registered with TryAdd, so the OAuth install's per-workspace source replaces it.
/// </summary>
public sealed class ConfiguredSlackTokens(IOptions<SlackOptions> options) : ISlackTokenSource
{
    public ValueTask<string?> BotTokenAsync(string teamId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(string.IsNullOrEmpty(options.Value.BotToken) ? null : options.Value.BotToken);
}
