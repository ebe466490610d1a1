using KpiBot.Core.Chat;
using KpiBot.Slack.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpiBot.Slack.Install;

/// <summary>
/// The OAuth v2 install for several workspaces: <c>GET /slack/install</c> sends the browser to Slack's consent
/// screen with a protected, time-limited <c>state</c> and the same nonce in a cookie; <c>GET /slack/oauth_redirect</c>
/// accepts the code only with a valid, unexpired, unused state from the same browser, then stores the
/// workspace's bot token encrypted. Without <c>Slack:ClientId</c> and <c>Slack:ClientSecret</c> both answer 404.
/// </summary>
public static class SlackInstallEndpoints
{
    public const string InstallPath = "/slack/install";
    public const string RedirectPath = "/slack/oauth_redirect";
    internal const string CookieName = "kpibot_slack_install";
    private const string CookiePath = "/slack";
    private const string StateKeyPrefix = "oauth_state:";

    public static IEndpointRouteBuilder MapSlackInstallEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!IsConfigured(app.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value))
        {
            InstallLog.Off(app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackInstallEndpoints)));
        }

        app.MapGet(InstallPath, InstallAsync).ExcludeFromDescription();
        app.MapGet(RedirectPath, RedirectAsync).ExcludeFromDescription();
        return app;
    }

    private static bool IsConfigured(SlackOptions options) =>
        !string.IsNullOrEmpty(options.ClientId) && !string.IsNullOrEmpty(options.ClientSecret);

    private static async Task InstallAsync(HttpContext context, [AsParameters] InstallServices services)
    {
        var slack = services.Slack.Value;
        if (!IsConfigured(slack))
        {
            await InstallPage.WriteAsync(context, StatusCodes.Status404NotFound, nameof(SlackInstallText.FailedTitle), nameof(SlackInstallText.NotConfigured)).ConfigureAwait(false);
            return;
        }

        var install = services.Install.Value;
        var (state, nonce) = services.States.Create();
        context.Response.Cookies.Append(CookieName, nonce, CookieOptions(context, InstallStateProtector.Lifetime));
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = slack.ClientId,
            ["scope"] = string.Join(',', SlackScopes.Bot),
            ["state"] = state,
        };
        if (install.RedirectUrl is { } redirect)
        {
            query["redirect_uri"] = redirect.ToString();
        }

        InstallPage.NoCache(context.Response);
        context.Response.Redirect(QueryHelpers.AddQueryString(install.OAuthAuthorizeUrl.ToString(), query));
    }

    private static async Task RedirectAsync(HttpContext context, [AsParameters] RedirectServices services)
    {
        if (!IsConfigured(services.Slack.Value))
        {
            await InstallPage.WriteAsync(context, StatusCodes.Status404NotFound, nameof(SlackInstallText.FailedTitle), nameof(SlackInstallText.NotConfigured)).ConfigureAwait(false);
            return;
        }

        var logger = services.Loggers.CreateLogger(typeof(SlackInstallEndpoints));
        var query = context.Request.Query;
        var cookie = context.Request.Cookies[CookieName];

        // One try per start: the cookie goes whatever happens next.
        context.Response.Cookies.Delete(CookieName, CookieOptions(context, TimeSpan.Zero));
        var check = services.States.Check(query["state"], cookie, out var nonce);
        if (check == StateCheck.Valid)
        {
            var now = services.Time.GetUtcNow();
            var first = await services.Dedupe.FirstTimeAsync(Platforms.Slack, StateKeyPrefix + nonce, now, context.RequestAborted).ConfigureAwait(false);
            check = first ? check : StateCheck.Replayed;
        }

        if (check != StateCheck.Valid)
        {
            InstallLog.StateRefused(logger, check);
            await InstallPage.WriteAsync(context, StatusCodes.Status400BadRequest, nameof(SlackInstallText.FailedTitle), nameof(SlackInstallText.StateInvalid)).ConfigureAwait(false);
            return;
        }

        if (Short(query["error"]) is { Length: > 0 } error)
        {
            InstallLog.Cancelled(logger, error);
            await InstallPage.WriteAsync(context, StatusCodes.Status400BadRequest, nameof(SlackInstallText.FailedTitle), nameof(SlackInstallText.Cancelled), error).ConfigureAwait(false);
            return;
        }

        if (query["code"].ToString() is not { Length: > 0 } code)
        {
            InstallLog.AccessFailed(logger, "no_code");
            await InstallPage.WriteAsync(context, StatusCodes.Status400BadRequest, nameof(SlackInstallText.FailedTitle), nameof(SlackInstallText.AccessFailed), "no_code").ConfigureAwait(false);
            return;
        }

        var outcome = await services.Installs.CompleteAsync(code, context.RequestAborted).ConfigureAwait(false);
        await (outcome switch
        {
            InstallOutcome.Installed installed => InstallPage.WriteAsync(
                context, StatusCodes.Status200OK, nameof(SlackInstallText.InstalledTitle), nameof(SlackInstallText.InstalledBody), installed.TeamName ?? installed.TeamId),
            InstallOutcome.Failed failed => InstallPage.WriteAsync(
                context, StatusCodes.Status400BadRequest, nameof(SlackInstallText.FailedTitle), nameof(SlackInstallText.AccessFailed), Short(failed.Error)),
            _ => InstallPage.WriteAsync(
                context, StatusCodes.Status400BadRequest, nameof(SlackInstallText.FailedTitle), nameof(SlackInstallText.EnterpriseRefused)),
        }).ConfigureAwait(false);
    }

    private static CookieOptions CookieOptions(HttpContext context, TimeSpan maxAge) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = CookiePath,
        MaxAge = maxAge,
        IsEssential = true,
    };

    /// <summary>What <c>/slack/install</c> uses, injected per request.</summary>
    internal sealed record InstallServices(
        [FromServices] IOptions<SlackOptions> Slack, [FromServices] IOptions<SlackInstallOptions> Install, [FromServices] InstallStateProtector States);

    /// <summary>What <c>/slack/oauth_redirect</c> uses, injected per request.</summary>
    internal sealed record RedirectServices(
        [FromServices] IOptions<SlackOptions> Slack,
        [FromServices] InstallStateProtector States,
        [FromServices] IInboundDedupe Dedupe,
        [FromServices] SlackInstallService Installs,
        [FromServices] TimeProvider Time,
        [FromServices] ILoggerFactory Loggers);

    /// <summary>An error code from the query or from Slack, cut short for the page and the log.</summary>
    private static string? Short(string? value) => value is { Length: > 64 } ? value[..64] : value;
}
