using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KpiBot.Testing.Teams;

/// <summary>Mints Bot Framework-like tokens for tests.</summary>
public static class TestTokens
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/teams/";

    public static string Mint(
        SecurityKey key,
        DateTimeOffset now,
        string issuer = FakeBotFrameworkServer.Issuer,
        string audience = FakeBotFrameworkServer.AppId,
        string? serviceUrl = ServiceUrl,
        TimeSpan? notBeforeOffset = null,
        TimeSpan? lifetime = null,
        string algorithm = SecurityAlgorithms.RsaSha256,
        bool expires = true)
    {
        var notBefore = now + (notBeforeOffset ?? TimeSpan.FromMinutes(-1));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = expires ? (notBefore + (lifetime ?? TimeSpan.FromHours(1))).UtcDateTime : null,
            Subject = new ClaimsIdentity(serviceUrl is null ? [] : [new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(key, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise good claims.</summary>
    public static string Unsigned(string keyId, DateTimeOffset now)
    {
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = keyId };
        var payload = Payload(now);
        return $"{Encode(header)}.{Encode(payload)}.";
    }

    /// <summary>A good token whose payload was changed after signing (the audience and serviceurl kept).</summary>
    public static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["name"] = "mallory";
        return $"{parts[0]}.{Encode(payload)}.{parts[2]}";
    }

    private static JsonObject Payload(DateTimeOffset now) => new()
    {
        ["iss"] = FakeBotFrameworkServer.Issuer,
        ["aud"] = FakeBotFrameworkServer.AppId,
        ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
        ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        ["serviceurl"] = ServiceUrl,
    };

    private static string Encode(JsonNode node) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(node.ToJsonString()));
}
