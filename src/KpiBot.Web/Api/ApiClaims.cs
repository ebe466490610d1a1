using System.Security.Claims;
using KpiBot.Core.ApiKeys;

namespace KpiBot.Web.Api;

/// <summary>What an authenticated API request carries about its key.</summary>
internal static class ApiClaims
{
    public const string Scheme = "ApiKey";
    public const string KeyId = "kpibot:key-id";
    public const string KeyName = "kpibot:key-name";
    public const string Scope = "kpibot:scope";
    public const string Team = "kpibot:team";
    public const string ReadPolicy = "kpibot-api-read";
    public const string WritePolicy = "kpibot-api-write";

    public static ClaimsPrincipal For(ApiKey key)
    {
        List<Claim> claims =
        [
            new(KeyId, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(KeyName, key.Name),
            new(ClaimTypes.Name, key.Name),
            new(Scope, key.Scope.ToString().ToLowerInvariant()),
        ];
        if (key.TeamId is not null)
        {
            claims.Add(new Claim(Team, key.TeamId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    public static long IdOf(ClaimsPrincipal user) => long.Parse(user.FindFirstValue(KeyId)!, System.Globalization.CultureInfo.InvariantCulture);

    public static string? NameOf(ClaimsPrincipal user) => user.FindFirstValue(KeyName);

    /// <summary>The team the key is limited to; null for a key of the whole organisation.</summary>
    public static string? TeamOf(ClaimsPrincipal user) => user.FindFirstValue(Team);

    public static bool Covers(ClaimsPrincipal user, string? teamId) =>
        TeamOf(user) is not { } team || string.Equals(team, teamId, StringComparison.Ordinal);
}
