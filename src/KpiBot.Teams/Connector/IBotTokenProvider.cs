namespace KpiBot.Teams.Connector;

/// <summary>A bearer token for the Bot Connector (client credentials), cached by the implementation until shortly before expiry.</summary>
public interface IBotTokenProvider
{
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}
