using System.Net;
using System.Text.Json.Nodes;
using KpiBot.Core.Chat;
using KpiBot.Slack.Install;
using KpiBot.Slack.Tests.Api;
using KpiBot.Testing.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Slack.Tests.Install;

/// <summary>
/// A small host with the install endpoints on 127.0.0.1, a real (ephemeral) Data Protection provider, in-memory
/// installation and de-duplication stores, a fake clock, and the fake Slack Web API behind it. The browser is an
/// HttpClient that follows no redirects and carries cookies only when a test passes them.
/// </summary>
internal sealed class InstallHarness : IAsyncDisposable
{
    public const string ClientId = "1234.5678";
    public const string ClientSecret = "client-secret-shh";
    public const string ConfiguredToken = "xoxb-configured-token";

    /// <summary>The bot token Slack hands out for workspace <c>T0INSTALL</c> (<see cref="AnswerAccessOk"/>).</summary>
    public const string InstalledBotToken = "xoxb-installed-T0INSTALL-secret";

    private readonly WebApplication _app;

    private InstallHarness(WebApplication app, FakeSlackApi slack, InMemoryChatAdapterStores stores, FakeTimeProvider time, IDataProtectionProvider dataProtection)
    {
        _app = app;
        Slack = slack;
        Stores = stores;
        Time = time;
        DataProtection = dataProtection;
        Browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(app.Urls.First()) };
    }

    public FakeSlackApi Slack { get; }

    public InMemoryChatAdapterStores Stores { get; }

    public FakeTimeProvider Time { get; }

    public IDataProtectionProvider DataProtection { get; }

    public HttpClient Browser { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<InstallHarness> StartAsync(bool configured = true, string? redirectUrl = "https://kpibot.example.com/slack/oauth_redirect")
    {
        var slack = await FakeSlackApi.StartAsync();
        var stores = new InMemoryChatAdapterStores();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));
        var dataProtection = new EphemeralDataProtectionProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:ClientId"] = configured ? ClientId : null,
            ["Slack:ClientSecret"] = configured ? ClientSecret : null,
            ["Slack:BotToken"] = ConfiguredToken,
            ["Slack:ApiBaseUrl"] = slack.BaseUrl.ToString(),
            ["Slack:OAuthAuthorizeUrl"] = "https://slack.example.test/oauth/v2/authorize",
            ["Slack:RedirectUrl"] = redirectUrl,
        });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IDataProtectionProvider>(dataProtection);
        builder.Services.AddSingleton<IChatInstallationStore>(stores);
        builder.Services.AddSingleton<IInboundDedupe>(stores);
        builder.Services.AddSlack().AddSlackInstall();
        var app = builder.Build();
        app.MapSlackInstallEndpoints();
        await app.StartAsync();
        return new InstallHarness(app, slack, stores, time, dataProtection);
    }

    /// <summary>Starts an install: the redirect to Slack, its query, and the cookie the browser got.</summary>
    public async Task<(HttpResponseMessage Response, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Query, string Cookie)> StartInstallAsync()
    {
        var response = await Browser.GetAsync(new Uri("/slack/install", UriKind.Relative));
        var location = response.Headers.Location!;
        var query = QueryHelpers.ParseQuery(location.Query);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kpibot_slack_install=", StringComparison.Ordinal));
        return (response, query, setCookie.Split(';')[0]);
    }

    /// <summary>Comes back from Slack as the browser would: to the redirect URL with the query, with or without the cookie.</summary>
    public async Task<HttpResponseMessage> ReturnAsync(string query, string? cookie, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/slack/oauth_redirect?" + query, UriKind.Relative));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        return await Browser.SendAsync(request);
    }

    public static string Query(string? code, string? state) =>
        string.Join('&', new[] { code is null ? null : "code=" + Uri.EscapeDataString(code), state is null ? null : "state=" + Uri.EscapeDataString(state) }.Where(p => p is not null));

    /// <summary>Makes the next <c>oauth.v2.access</c> answer as Slack does for a workspace install.</summary>
    public void AnswerAccessOk()
    {
        var answer = new JsonObject
        {
            ["ok"] = true,
            ["access_token"] = InstalledBotToken,
            ["token_type"] = "bot",
            ["scope"] = "chat:write,commands",
            ["bot_user_id"] = "U0BOTINST",
            ["app_id"] = "A0KRD7HC3",
            ["team"] = new JsonObject { ["id"] = "T0INSTALL", ["name"] = "Acme <Sales>" },
            ["enterprise"] = null,
            ["authed_user"] = new JsonObject { ["id"] = "U0ADMIN" },
            ["is_enterprise_install"] = false,
        };
        Slack.Answer("oauth.v2.access", 200, answer.ToJsonString());
    }

    public int AccessCalls => Slack.Calls.Count(c => c.Method == "oauth.v2.access");

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        await _app.DisposeAsync();
        await Slack.DisposeAsync();
    }
}

internal static class ResponseExtensions
{
    public static async Task<(HttpStatusCode Status, string Body)> ReadAsync(this HttpResponseMessage response) =>
        (response.StatusCode, await response.Content.ReadAsStringAsync());
}
