namespace KpiBot.Slack.Api;

/// <summary>
/// The bot token to call the Web API with for a workspace (<c>team_id</c>): the configured
/// <c>Slack:BotToken</c> of a single-workspace setup, or the token stored when the workspace installed the app
/// through OAuth. Null when the bot has no token for that workspace (then nothing is sent there).
/// </summary>
public interface ISlackTokenSource
{
    ValueTask<string?> BotTokenAsync(string teamId, CancellationToken cancellationToken);
}
