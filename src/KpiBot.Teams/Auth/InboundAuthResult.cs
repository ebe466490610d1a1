namespace KpiBot.Teams.Auth;

/// <summary>
/// The outcome of checking an inbound Bot Framework request. Typed, because each maps to its own HTTP
/// answer: <see cref="Valid"/> proceeds, <see cref="Unauthorized"/> is 401 and <see cref="Forbidden"/> 403.
/// Reasons are for logs; they never contain the token.
/// </summary>
public abstract record InboundAuthResult
{
    private InboundAuthResult()
    {
    }

    /// <summary>The token is good for this activity; <see cref="ServiceUrl"/> may be trusted for replies.</summary>
    public sealed record Valid(string AppId, string ServiceUrl) : InboundAuthResult;

    /// <summary>No token, or a token that is not the Bot Framework's for this bot (401).</summary>
    public sealed record Unauthorized(string Reason) : InboundAuthResult;

    /// <summary>A genuine token whose key is not endorsed for the activity's channel (403).</summary>
    public sealed record Forbidden(string Reason) : InboundAuthResult;
}
