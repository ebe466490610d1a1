using System.Net;
using KpiBot.Storage;
using KpiBot.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KpiBot.Host.Tests;

/// <summary>The Hangfire dashboard shows job arguments and can delete jobs: local requests, or the configured token, only.</summary>
public class DashboardTests
{
    private static WebApplicationFactory<Program> Factory(TestDatabase db, string? token) => new WebApplicationFactory<Program>()
        .WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in db.Settings)
            {
                b.UseSetting(key, value);
            }

            b.UseSetting("Jobs:RunServer", "false");
            if (token is not null)
            {
                b.UseSetting("Jobs:DashboardToken", token);
            }
        });

    [Fact]
    public async Task Dashboard_FromANonLocalAddress_WithoutTheToken_IsRefused()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var factory = Factory(db, "s3cret-token");
        using var client = factory.CreateClient();

        // The test server gives requests no remote address: not local.
        var none = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        wrong.Headers.Authorization = new("Bearer", "s3cret-tokeN");
        var wrongAnswer = await client.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAnswer.StatusCode);
    }

    [Fact]
    public async Task Dashboard_WithTheConfiguredToken_Opens()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var factory = Factory(db, "s3cret-token");
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Authorization = new("Bearer", "s3cret-token");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("KpiBot jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The browser keeps a cookie holding a hash of the token, never the token itself.
        // (Hangfire also sets its anti-forgery cookie, now that the host registers anti-forgery for the web dashboard.)
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(Jobs.DashboardAuthorization.CookieName + "=", StringComparison.Ordinal));
        Assert.DoesNotContain("s3cret-token", cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/hangfire", UriKind.Relative))).StatusCode);

        using var stranger = factory.CreateClient();
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        forged.Headers.Add("Cookie", "kpibot-dashboard=s3cret-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task Dashboard_WithNoTokenConfigured_RefusesEveryNonLocalRequest()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var factory = Factory(db, null);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Authorization = new("Bearer", "");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
    }
}
