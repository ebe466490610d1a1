using System.Net;
using System.Text;
using KpiBot.Core.Chat;
using KpiBot.Slack.Api;
using KpiBot.Slack.Install;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.RepresentationModel;

namespace KpiBot.Slack.Tests.Install;

public sealed class SlackInstallTests
{
    [Fact]
    public async Task Install_RedirectsToSlackWithTheClientIdScopesAndAState_AndBindsItToTheBrowser()
    {
        await using var h = await InstallHarness.StartAsync();

        var (response, query, cookie) = await h.StartInstallAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://slack.example.test/oauth/v2/authorize?", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(InstallHarness.ClientId, query["client_id"].ToString());
        Assert.Equal(string.Join(',', ManifestBotScopes()), query["scope"].ToString());
        Assert.Equal("https://kpibot.example.com/slack/oauth_redirect", query["redirect_uri"].ToString());
        Assert.False(string.IsNullOrEmpty(query["state"]));
        var setCookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(cookie.Split('=')[1], query["state"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_WithAnEmptyRedirectUrl_LeavesItToTheAppsSettings()
    {
        await using var h = await InstallHarness.StartAsync(redirectUrl: string.Empty);

        var (response, query, cookie) = await h.StartInstallAsync();
        h.AnswerAccessOk();
        Assert.False(query.ContainsKey("redirect_uri"));
        Assert.Equal(HttpStatusCode.OK, (await h.ReturnAsync(InstallHarness.Query("code-1", query["state"]), cookie)).StatusCode);
        Assert.DoesNotContain("redirect_uri", h.Slack.Single("oauth.v2.access").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirect_WithCodeStateAndCookie_StoresTheBotTokenEncrypted()
    {
        await using var h = await InstallHarness.StartAsync();
        var (_, query, cookie) = await h.StartInstallAsync();
        h.AnswerAccessOk();

        var (status, body) = await (await h.ReturnAsync(InstallHarness.Query("code-123", query["state"]), cookie)).ReadAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("KpiBot is installed", body, StringComparison.Ordinal);
        Assert.Contains("Acme &lt;Sales&gt;", body, StringComparison.Ordinal);
        var stored = await h.Stores.FindAsync(Platforms.Slack, "T0INSTALL", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.DoesNotContain(InstallHarness.InstalledBotToken, stored.ProtectedToken, StringComparison.Ordinal);
        Assert.Equal(InstallHarness.InstalledBotToken, h.DataProtection.CreateProtector("KpiBot.Slack.BotToken").Unprotect(stored.ProtectedToken));
        Assert.Equal(("U0BOTINST", "U0ADMIN", h.Time.GetUtcNow()), (stored.BotUserId, stored.InstalledBy, stored.InstalledAt));
        var call = h.Slack.Single("oauth.v2.access");
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{InstallHarness.ClientId}:{InstallHarness.ClientSecret}")), call.Authorization);
        Assert.Contains("code=code-123", call.Body, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=https%3A%2F%2Fkpibot.example.com%2Fslack%2Foauth_redirect", call.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(InstallHarness.ClientSecret, call.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirect_InAJapaneseBrowser_ShowsTheJapanesePage()
    {
        await using var h = await InstallHarness.StartAsync();
        var (_, query, cookie) = await h.StartInstallAsync();
        h.AnswerAccessOk();

        var (status, body) = await (await h.ReturnAsync(InstallHarness.Query("code-123", query["state"]), cookie, "ja,en-US;q=0.8")).ReadAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("KpiBot をインストールしました", body, StringComparison.Ordinal);
        Assert.Contains("lang=\"ja\"", body, StringComparison.Ordinal);
    }

    public static TheoryData<string> BadReturns => ["no state", "no cookie", "forged state", "another browser's cookie", "expired", "replayed"];

    [Theory]
    [MemberData(nameof(BadReturns))]
    public async Task Redirect_WithoutAValidFreshStateFromThisBrowser_IsRefusedAndStoresNothing(string how)
    {
        await using var h = await InstallHarness.StartAsync();
        var (_, query, cookie) = await h.StartInstallAsync();
        string state = query["state"]!;
        var accessCallsBefore = 0;
        switch (how)
        {
            case "no state":
                state = null!;
                break;
            case "no cookie":
                cookie = null!;
                break;
            case "forged state":
                state = h.DataProtection.CreateProtector("something else").Protect("""{"nonce":"x","issued_at":1}""");
                break;
            case "another browser's cookie":
                cookie = (await h.StartInstallAsync()).Cookie;
                break;
            case "expired":
                h.Time.Advance(InstallStateProtector.Lifetime + TimeSpan.FromSeconds(1));
                break;
            case "replayed":
                h.AnswerAccessOk();
                Assert.Equal(HttpStatusCode.OK, (await h.ReturnAsync(InstallHarness.Query("code-1", state), cookie)).StatusCode);
                Assert.True(await h.Stores.RemoveAsync(Platforms.Slack, "T0INSTALL", CancellationToken.None));
                accessCallsBefore = 1;
                break;
        }

        var (status, body) = await (await h.ReturnAsync(InstallHarness.Query("code-2", state), cookie)).ReadAsync();

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("This install link is not valid", body, StringComparison.Ordinal);
        Assert.Null(await h.Stores.FindAsync(Platforms.Slack, "T0INSTALL", CancellationToken.None));
        Assert.Equal(accessCallsBefore, h.AccessCalls);
    }

    [Fact]
    public async Task Redirect_WhenSlackRefusesTheCode_ShowsWhyAndStoresNothing()
    {
        await using var h = await InstallHarness.StartAsync();
        h.Slack.Answer("oauth.v2.access", 200, """{"ok":false,"error":"invalid_code"}""");
        var (_, query, cookie) = await h.StartInstallAsync();

        var (status, body) = await (await h.ReturnAsync(InstallHarness.Query("stale", query["state"]), cookie)).ReadAsync();

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Slack did not accept the installation (invalid_code)", body, StringComparison.Ordinal);
        Assert.Null(await h.Stores.FindAsync(Platforms.Slack, "T0INSTALL", CancellationToken.None));
    }

    [Fact]
    public async Task Redirect_ForAnEnterpriseWideInstall_IsRefusedPolitelyAndStoresNothing()
    {
        await using var h = await InstallHarness.StartAsync();
        h.Slack.Answer("oauth.v2.access", 200, """{"ok":true,"access_token":"xoxb-org","token_type":"bot","team":null,"enterprise":{"id":"E1","name":"Org"},"is_enterprise_install":true}""");
        var (_, query, cookie) = await h.StartInstallAsync();

        var (status, body) = await (await h.ReturnAsync(InstallHarness.Query("code", query["state"]), cookie)).ReadAsync();

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Enterprise Grid", body, StringComparison.Ordinal);
        Assert.Null(await h.Stores.FindAsync(Platforms.Slack, "E1", CancellationToken.None));
    }

    [Fact]
    public async Task Redirect_WhenThePersonCancelledInSlack_SaysSoAndCallsNothing()
    {
        await using var h = await InstallHarness.StartAsync();
        var (_, query, cookie) = await h.StartInstallAsync();

        var (status, body) = await (await h.ReturnAsync("error=access_denied&state=" + Uri.EscapeDataString(query["state"]!), cookie)).ReadAsync();

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("cancelled in Slack (access_denied)", body, StringComparison.Ordinal);
        Assert.Equal(0, h.AccessCalls);
    }

    [Fact]
    public async Task WithoutClientCredentials_BothEndpointsAnswer404()
    {
        await using var h = await InstallHarness.StartAsync(configured: false);

        Assert.Equal(HttpStatusCode.NotFound, (await h.Browser.GetAsync(new Uri("/slack/install", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await h.ReturnAsync("code=x&state=y", "kpibot_slack_install=z")).StatusCode);
    }

    [Fact]
    public async Task TokenSource_GivesTheWorkspacesTokenAndTheConfiguredOneForOthers_AndForgetsAnUninstalledWorkspace()
    {
        await using var h = await InstallHarness.StartAsync();
        var tokens = h.Services.GetRequiredService<ISlackTokenSource>();
        Assert.IsType<InstalledSlackTokens>(tokens);
        Assert.Equal(InstallHarness.ConfiguredToken, await tokens.BotTokenAsync("T0INSTALL", CancellationToken.None));
        var (_, query, cookie) = await h.StartInstallAsync();
        h.AnswerAccessOk();
        Assert.Equal(HttpStatusCode.OK, (await h.ReturnAsync(InstallHarness.Query("code", query["state"]), cookie)).StatusCode);

        Assert.Equal(InstallHarness.InstalledBotToken, await tokens.BotTokenAsync("T0INSTALL", CancellationToken.None));
        Assert.Equal(InstallHarness.ConfiguredToken, await tokens.BotTokenAsync("T0OTHER", CancellationToken.None));

        using var scope = h.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<SlackInstallService>().ForgetAsync("T0INSTALL", CancellationToken.None));
        Assert.Null(await h.Stores.FindAsync(Platforms.Slack, "T0INSTALL", CancellationToken.None));
        Assert.Equal(InstallHarness.ConfiguredToken, await tokens.BotTokenAsync("T0INSTALL", CancellationToken.None));
    }

    [Fact]
    public async Task TokenSource_CachesBrieflyThenReadsTheStoreAgain()
    {
        await using var h = await InstallHarness.StartAsync();
        var tokens = h.Services.GetRequiredService<InstalledSlackTokens>();
        Assert.Equal(InstallHarness.ConfiguredToken, await tokens.BotTokenAsync("T1", CancellationToken.None));
        await h.Stores.SaveAsync(new ChatInstallation(Platforms.Slack, "T1", tokens.Protect("xoxb-t1"), "UB", null, h.Time.GetUtcNow()), CancellationToken.None);

        Assert.Equal(InstallHarness.ConfiguredToken, await tokens.BotTokenAsync("T1", CancellationToken.None));
        h.Time.Advance(InstalledSlackTokens.CacheFor + TimeSpan.FromSeconds(1));
        Assert.Equal("xoxb-t1", await tokens.BotTokenAsync("T1", CancellationToken.None));
    }

    [Fact]
    public async Task TokenSource_WhenTheStoredTokenCannotBeDecrypted_FallsBackToTheConfiguredOne()
    {
        await using var h = await InstallHarness.StartAsync();
        await h.Stores.SaveAsync(new ChatInstallation(Platforms.Slack, "T1", new EphemeralDataProtectionProvider().CreateProtector(InstalledSlackTokens.TokenPurpose).Protect("xoxb-old-ring"), "UB", null, h.Time.GetUtcNow()), CancellationToken.None);

        Assert.Equal(InstallHarness.ConfiguredToken, await h.Services.GetRequiredService<ISlackTokenSource>().BotTokenAsync("T1", CancellationToken.None));
    }

    [Fact]
    public void Scopes_AreTheManifests() => Assert.Equal(ManifestBotScopes(), SlackScopes.Bot);

    private static string[] ManifestBotScopes()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "manifests", "slack", "manifest.yaml");
        var yaml = new YamlStream();
        using var reader = new StreamReader(path);
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var bot = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["oauth_config"])["scopes"])["bot"];
        return [.. bot.Children.Select(c => ((YamlScalarNode)c).Value!)];
    }
}
