using System.Text.Encodings.Web;
using KpiBot.Core.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpiBot.Web.Api;

/// <summary>
/// Authenticates <c>Authorization: Bearer kpb_…</c> (or <c>X-Api-Key: kpb_…</c>) against the stored hashes. No key,
/// a malformed, unknown or revoked one → 401 with a problem document; a key without the scope an endpoint needs → 403.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var key = await keys.VerifyAsync(presented, Context.RequestAborted);
        return key is null
            ? AuthenticateResult.Fail("The API key is not valid or was revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(ApiClaims.For(key), ApiClaims.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var presented = Presented(Request) is not null;
        await Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            presented ? "The API key is not valid" : "An API key is needed",
            presented
                ? "The key is unknown, malformed or revoked. Create one with `kpibot apikey create`."
                : "Send the key as `Authorization: Bearer kpb_…`. Create one with `kpibot apikey create`.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "The API key may not do this",
            "This key has the read scope; writing needs a key created with --scope write.");

    private static string? Presented(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return request.Headers.TryGetValue("X-Api-Key", out var key) ? key.ToString().Trim() : null;
    }
}
