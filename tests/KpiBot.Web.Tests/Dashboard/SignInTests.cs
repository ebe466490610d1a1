using System.Net;
using KpiBot.Core.Dashboard;
using KpiBot.Storage;
using KpiBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Web.Tests.Dashboard;

/// <summary>
/// Sign-in without passwords: the chat's <c>dashboard</c> answer is a one-time link (15 minutes, once, bound to the
/// person, stored hashed) that opens a session cookie; expired, reused, another person's and forged links are refused.
/// </summary>
public class SignInTests
{
    private const string Tanaka = "tanaka@example.co.jp";   // rep, sales, Japanese
    private const string Suzuki = "suzuki@example.co.jp";   // rep, sales

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task TheChatLink_SignsInOnce_WithASecureHttpOnlySessionCookie_AndOpensTheOwnTeamsTree(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await DashboardHost.StartAsync(db);
        var answer = await host.AskForLinkAsync(Tanaka);
        Assert.Contains("15分間・1回だけ", answer, StringComparison.Ordinal);
        using var client = host.Client();
        var link = await host.LinkAsync(Tanaka);

        var confirm = await client.GetAsync(new Uri(link, UriKind.Relative));
        var confirmHtml = await confirm.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("田中 健太 さんとしてログインします", confirmHtml, StringComparison.Ordinal);
        Assert.Equal("no-referrer", confirm.Headers.GetValues("Referrer-Policy").Single());

        var signIn = await DashboardHost.SignInAsync(client, link);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kpibot.dashboard=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", cookie, StringComparison.OrdinalIgnoreCase);   // a browser-session cookie

        var home = await client.GetAsync(new Uri("/dashboard", UriKind.Relative));
        Assert.Equal("/dashboard/teams/sales", home.Headers.Location?.OriginalString);
        var tree = await client.GetAsync(new Uri("/dashboard/teams/sales", UriKind.Relative));
        var html = await tree.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, tree.StatusCode);
        Assert.Contains("営業部の目標", html, StringComparison.Ordinal);
        Assert.Contains("年間売上1億円", html, StringComparison.Ordinal);

        // Only the hash is stored.
        await using var context = db.NewContext();
        var stored = await context.SignInLinks.SingleAsync(l => l.UsedAt != null);
        var token = System.Web.HttpUtility.ParseQueryString(new Uri(DashboardHost.BaseAddress, link).Query)["t"]!;
        Assert.Equal(SignInLinks.Hash(token), stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUsedLink_IsRefused_AndStartsNoSession()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await DashboardHost.StartAsync(db);
        var link = await host.LinkAsync(Tanaka);
        using var second = host.Client();
        var secondsForm = await DashboardHost.FormTokenAsync(second, link);   // opened before the first use
        using (var first = host.Client())
        {
            Assert.Equal(HttpStatusCode.Redirect, (await DashboardHost.SignInAsync(first, link)).StatusCode);
        }

        var page = await second.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("すでに使用されています", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = await DashboardHost.PostSignInAsync(second, link, secondsForm);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.False(again.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("kpibot.dashboard=", StringComparison.Ordinal)));
        await AssertNoSessionAsync(second);
    }

    [Fact]
    public async Task AnExpiredLink_IsRefused_After15Minutes()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await DashboardHost.StartAsync(db);
        var link = await host.LinkAsync(Tanaka);
        using var client = host.Client();
        host.Time.Advance(TimeSpan.FromMinutes(14));
        var form = await DashboardHost.FormTokenAsync(client, link);   // still valid after 14 minutes
        Assert.NotNull(form);

        host.Time.Advance(TimeSpan.FromMinutes(1));
        var page = await client.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        var late = await DashboardHost.PostSignInAsync(client, link, form);

        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Contains("有効期限が切れています", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNoSessionAsync(client);
    }

    [Fact]
    public async Task AnotherPersonsLink_IsRefused_AndStaysUsableByThatPerson()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await DashboardHost.StartAsync(db);
        var tanakasLink = await host.LinkAsync(Tanaka);
        var asSuzuki = tanakasLink.Replace("/signin/tanaka?", "/signin/suzuki?", StringComparison.Ordinal);
        Assert.NotEqual(tanakasLink, asSuzuki);
        using var client = host.Client();
        var form = await DashboardHost.FormTokenAsync(client, tanakasLink);

        var page = await client.GetAsync(new Uri(asSuzuki, UriKind.Relative));
        var refused = await DashboardHost.PostSignInAsync(client, asSuzuki, form);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("このリンクは無効です", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNoSessionAsync(client);
        using var tanaka = host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await DashboardHost.SignInAsync(tanaka, tanakasLink)).StatusCode);
    }

    [Theory]
    [InlineData("/dashboard/signin/tanaka?t=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]   // well formed, never issued
    [InlineData("/dashboard/signin/tanaka?t=short")]
    [InlineData("/dashboard/signin/tanaka")]
    [InlineData("/dashboard/signin/nobody?t=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task AForgedLink_IsRefused(string link)
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await DashboardHost.StartAsync(db);
        using var client = host.Client();
        var form = await DashboardHost.FormTokenAsync(client, await host.LinkAsync(Tanaka));   // a real link exists; the forged one is not it

        var page = await client.GetAsync(new Uri(link, UriKind.Relative));
        var post = await DashboardHost.PostSignInAsync(client, link, form);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        await AssertNoSessionAsync(client);
    }

    [Fact]
    public async Task TheSignInPost_WithoutTheFormsAntiforgeryToken_IsRefused_AndLeavesTheLinkUnused()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await DashboardHost.StartAsync(db);
        var link = await host.LinkAsync(Tanaka);
        using var client = host.Client();
        var token = System.Web.HttpUtility.ParseQueryString(new Uri(DashboardHost.BaseAddress, link).Query)["t"]!;

        var forged = await client.PostAsync(new Uri("/dashboard/signin/tanaka", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["t"] = token }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DashboardHost.SignInAsync(client, link)).StatusCode);
    }

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/teams/sales")]
    public async Task NoPage_IsReadableWithoutASession(string path)
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await DashboardHost.StartAsync(db);
        using var client = host.Client();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/dashboard/signin?ReturnUrl=", response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAPublicBaseUrl_TheCommandSaysHowToSetItUp_AndMakesNoLink()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await DashboardHost.StartAsync(db, publicBaseUrl: null);

        var answer = await host.AskForLinkAsync("emily.carter@example.com");

        Assert.Contains("KpiBot:PublicBaseUrl", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("/dashboard/signin", answer, StringComparison.Ordinal);
        await using var context = db.NewContext();
        Assert.Equal(0, await context.SignInLinks.CountAsync());
    }

    [Fact]
    public async Task SigningOut_EndsTheSession()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await DashboardHost.StartAsync(db);
        using var client = await host.SignedInAsync(Tanaka);
        var page = await (await client.GetAsync(new Uri("/dashboard/teams/sales", UriKind.Relative))).Content.ReadAsStringAsync();

        var signOut = await client.PostAsync(new Uri("/dashboard/signout", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = DashboardHost.AntiforgeryToken(page)!,
        }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        await AssertNoSessionAsync(client);
    }

    /// <summary>Two hosts on one PostgreSQL redeem the same link at the same moment: exactly one session starts.</summary>
    [Fact]
    public async Task OneLink_OpenedOnTwoHostsAtOnce_SignsInOnce()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var one = await DashboardHost.StartAsync(db);
        // Each host signs someone in once before the race (the shared key ring's first key is made by one host and
        // read by the other, the goals are loaded), so what races is the redeem alone.
        using (await one.SignedInAsync(Tanaka))
        {
        }

        await using var two = await DashboardHost.StartAsync(db);
        using (await two.SignedInAsync(Tanaka))
        {
        }

        var link = await one.LinkAsync(Tanaka);
        using var a = one.Client();
        using var b = two.Client();

        // Both browsers have the link's page open (each host shows its form) before either presses the button, so what
        // races is the two presses. (A browser that opens the link after the other has used it gets the "used" page and
        // no form at all: see AUsedLink_IsRefused_AndStartsNoSession.)
        var forms = await Task.WhenAll(DashboardHost.FormTokenAsync(a, link), DashboardHost.FormTokenAsync(b, link));
        Assert.All(forms, Assert.NotNull);

        var results = await Task.WhenAll(DashboardHost.PostSignInAsync(a, link, forms[0]), DashboardHost.PostSignInAsync(b, link, forms[1]));

        // Exactly one session starts; the other browser is told the link was used.
        Assert.Equal("302, 410", string.Join(", ", results.Select(r => (int)r.StatusCode).Order()));
        var loser = results.Single(r => r.StatusCode == HttpStatusCode.Gone);
        Assert.Contains("id=\"refused\"", await loser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertNoSessionAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/dashboard/teams/sales", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/dashboard/signin", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
