using System.Net;
using System.Text.RegularExpressions;
using KpiBot.Core.Chat;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Conversations;
using KpiBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Web.Tests;

/// <summary>
/// The real KpiBot host on a test database with the sample goals, its clock a fake, its public base URL
/// https://localhost (the address the in-memory test server answers on, so Secure cookies flow), no job server.
/// People get sign-in links the way they do in chat: by sending <c>dashboard</c> through the conversation service.
/// </summary>
internal sealed partial class DashboardHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Friday = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    public static readonly Uri BaseAddress = new("https://localhost");

    private readonly WebApplicationFactory<Program> _factory;

    private DashboardHost(WebApplicationFactory<Program> factory, FakeTimeProvider time)
    {
        _factory = factory;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _factory.Services;

    /// <param name="kestrelPort">Serve on a real socket at this loopback port (for a browser) instead of the in-memory test server.</param>
    public static Task<DashboardHost> StartAsync(TestDatabase db, DateTimeOffset? now = null, string? publicBaseUrl = "https://localhost", Action<IWebHostBuilder>? configure = null, int? kestrelPort = null)
    {
        var time = new FakeTimeProvider(now ?? Friday);
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in db.Settings)
            {
                b.UseSetting(key, value);
            }

            b.UseSetting("Jobs:RunServer", "false");
            if (publicBaseUrl is not null)
            {
                b.UseSetting("KpiBot:PublicBaseUrl", publicBaseUrl);
            }

            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time));
            configure?.Invoke(b);
        });
        if (kestrelPort is { } port)
        {
            // Both loopbacks, as "localhost" in a browser may be either.
            factory.UseKestrel(o =>
            {
                o.Listen(System.Net.IPAddress.Loopback, port);
                o.Listen(System.Net.IPAddress.IPv6Loopback, port);
            });
            factory.StartServer();
        }
        else
        {
            _ = factory.Server; // start now: migrations and the sample import
        }

        return Task.FromResult(new DashboardHost(factory, time));
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed (tests look at them).</summary>
    public HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = BaseAddress,
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>What KpiBot answers <paramref name="email"/>'s person in chat to <c>dashboard</c>.</summary>
    public async Task<string> AskForLinkAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var conversations = scope.ServiceProvider.GetRequiredService<ConversationService>();
        var user = new ChatUser(Platforms.Test, "T1", "U-" + email);
        var reply = await conversations.HandleAsync(
            new IncomingMessage(user, new ConversationAddress(Platforms.Test, "T1", "D-" + email), ConversationKind.Personal, "dashboard", Email: email),
            CancellationToken.None);
        var answer = Assert.Single(reply.Replies);
        Assert.Equal(ReplyVisibility.Private, answer.Visibility);
        return answer.View.Text;
    }

    /// <summary>The sign-in link KpiBot gives <paramref name="email"/>'s person, as a path and query on this host.</summary>
    public async Task<string> LinkAsync(string email)
    {
        var text = await AskForLinkAsync(email);
        var url = new Uri(LinkPattern().Match(text).Value);
        Assert.Equal(BaseAddress.Host, url.Host);
        return url.PathAndQuery;
    }

    /// <summary>Opens the link and presses its button: the POST's answer (302 to /dashboard when it worked).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string link) =>
        await PostSignInAsync(client, link, await FormTokenAsync(client, link));

    /// <summary>Opens the link's page; its form's anti-forgery token (null when the page shows no form).</summary>
    public static async Task<string?> FormTokenAsync(HttpClient client, string link)
    {
        var page = await client.GetAsync(new Uri(link, UriKind.Relative));
        return AntiforgeryToken(await page.Content.ReadAsStringAsync());
    }

    /// <summary>Presses the sign-in button of <paramref name="link"/> with a form token the client got earlier.</summary>
    public static Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string link, string? formToken)
    {
        var form = new Dictionary<string, string>
        {
            ["t"] = System.Web.HttpUtility.ParseQueryString(new Uri(BaseAddress, link).Query)["t"] ?? string.Empty,
        };
        if (formToken is not null)
        {
            form["__RequestVerificationToken"] = formToken;
        }

        return client.PostAsync(new Uri(new Uri(BaseAddress, link).AbsolutePath, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    /// <summary>A signed-in client for <paramref name="email"/>'s person.</summary>
    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Client();
        var response = await SignInAsync(client, await LinkAsync(email));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>
    /// The sales team's week before <see cref="Friday"/> (2026-11-27; Monday the 23rd is a holiday): 田中 answered
    /// Tuesday (30 calls) and Thursday (10 calls, with a blocker) and skipped Wednesday; 鈴木 answered Tuesday (5 calls)
    /// and was off Wednesday; Emily answered nothing. Nobody answered the week before.
    /// </summary>
    public async Task SeedSalesWeekAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var checkIns = scope.ServiceProvider.GetRequiredService<CheckInService>();
        var days = scope.ServiceProvider.GetRequiredService<IDayStore>();
        async Task Submit(string person, int day, decimal calls, string? blocker = null)
        {
            var result = await checkIns.SubmitAsync(
                new CheckInSubmission(person, new DateOnly(2026, 11, day), new Dictionary<string, decimal> { ["daily-calls"] = calls }, blocker, blocker is not null),
                CancellationToken.None);
            Assert.True(result.AnySaved, result.ToString());
        }

        await Submit("tanaka", 24, 30);
        await days.SkipAsync("tanaka", new DateOnly(2026, 11, 25), "visit", Time.GetUtcNow(), CancellationToken.None);
        await Submit("tanaka", 26, 10, "顧客リストが古い");
        await Submit("suzuki", 24, 5);
        await days.AddTimeOffAsync("suzuki", new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 25), null, Time.GetUtcNow(), CancellationToken.None);
    }

    /// <summary>
    /// The three weeks of November before <see cref="SeedSalesWeekAsync"/>'s (the 3rd is a holiday): each sales rep
    /// answers every working day with 14–25 calls, except that Emily skipped the 10th and 鈴木 was off the 16th and 17th.
    /// For pictures that look like a month of work.
    /// </summary>
    public async Task SeedSalesNovemberAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var checkIns = scope.ServiceProvider.GetRequiredService<CheckInService>();
        var days = scope.ServiceProvider.GetRequiredService<IDayStore>();
        await days.AddTimeOffAsync("suzuki", new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 17), null, Time.GetUtcNow(), CancellationToken.None);
        await days.SkipAsync("emily", new DateOnly(2026, 11, 10), "training", Time.GetUtcNow(), CancellationToken.None);
        string[] reps = ["tanaka", "suzuki", "emily"];
        for (var day = new DateOnly(2026, 11, 2); day <= new DateOnly(2026, 11, 20); day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || day.Day == 3)
            {
                continue;
            }

            for (var i = 0; i < reps.Length; i++)
            {
                if ((reps[i] == "suzuki" && day.Day is 16 or 17) || (reps[i] == "emily" && day.Day == 10))
                {
                    continue;
                }

                var calls = 14 + ((day.Day * 7) + (i * 5)) % 12;
                var result = await checkIns.SubmitAsync(
                    new CheckInSubmission(reps[i], day, new Dictionary<string, decimal> { ["daily-calls"] = calls, ["intro-emails"] = 3 }),
                    CancellationToken.None);
                Assert.True(result.AnySaved, result.ToString());
            }
        }
    }

    public static string? AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
