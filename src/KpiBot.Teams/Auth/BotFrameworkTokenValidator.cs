using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KpiBot.Teams.Auth;

/// <summary>
/// Checks an inbound Bot Framework request as the Bot Framework requires, failing closed: a Bearer JWT
/// signed RS256/384/512 by a key from the metadata's JWKS, issued by <see cref="TeamsOptions.TokenIssuer"/>
/// for <see cref="TeamsOptions.AppId"/>, within its lifetime (5 minutes skew), whose <c>serviceurl</c> claim
/// is the activity's serviceUrl, and whose key is endorsed for the activity's channel (else 403).
/// </summary>
public sealed class BotFrameworkTokenValidator : IDisposable
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly BotFrameworkKeyCache _keys;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public BotFrameworkTokenValidator(TeamsOptions options, HttpClient metadataClient, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metadataClient);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
        _keys = new BotFrameworkKeyCache(options, metadataClient, time);
    }

    /// <summary>Checks the request's Authorization header against the activity's channel id and service URL.</summary>
    public async Task<InboundAuthResult> ValidateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrEmpty(authorizationHeader) || !authorizationHeader.StartsWith(scheme, StringComparison.Ordinal))
        {
            return new InboundAuthResult.Unauthorized("no Bearer token");
        }

        if (string.IsNullOrWhiteSpace(_options.AppId))
        {
            return new InboundAuthResult.Unauthorized("no app id configured");
        }

        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(serviceUrl))
        {
            return new InboundAuthResult.Unauthorized("activity without channelId or serviceUrl");
        }

        var raw = authorizationHeader[scheme.Length..].Trim();
        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return new InboundAuthResult.Unauthorized("malformed token");
        }

        if (!AllowedAlgorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            return new InboundAuthResult.Unauthorized("algorithm not allowed");
        }

        if (!string.Equals(token.Issuer, _options.TokenIssuer, StringComparison.Ordinal))
        {
            return new InboundAuthResult.Unauthorized("wrong issuer");
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return new InboundAuthResult.Unauthorized("token names no key");
        }

        var keys = await _keys.GetAsync(token.Kid, cancellationToken).ConfigureAwait(false);
        if (keys is null)
        {
            return new InboundAuthResult.Unauthorized("signing keys unavailable");
        }

        if (!keys.Contains(token.Kid))
        {
            return new InboundAuthResult.Unauthorized("unknown key");
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(keys)).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return new InboundAuthResult.Unauthorized(result.Exception?.GetType().Name ?? "invalid token");
        }

        var signedBy = result.SecurityToken is JsonWebToken { SigningKey.KeyId: { } keyId } ? keyId : token.Kid;
        if (!keys.IsEndorsed(signedBy, channelId))
        {
            return new InboundAuthResult.Forbidden("key not endorsed for the channel");
        }

        var claimed = token.TryGetPayloadValue<string>("serviceurl", out var value) ? value : null;
        if (!string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return new InboundAuthResult.Unauthorized("serviceUrl does not match the token");
        }

        return new InboundAuthResult.Valid(_options.AppId, serviceUrl);
    }

    public void Dispose()
    {
        _keys.Dispose();
    }

    private TokenValidationParameters Parameters(BotFrameworkKeys keys) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = _options.TokenIssuer,
        ValidateAudience = true,
        ValidAudience = _options.AppId,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = IsWithinLifetime,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = keys.SigningKeys,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = AllowedAlgorithms,
    };

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp
            && exp.ToUniversalTime() >= now - ClockSkew
            && (notBefore is not { } nbf || nbf.ToUniversalTime() <= now + ClockSkew)
            && (notBefore is not { } start || start <= exp);
    }
}
