using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using KpiBot.Core.ApiKeys;
using KpiBot.Host.Tests.Teams;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Fakes;
using KpiBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static KpiBot.Host.Tests.Teams.TeamsActivities;

namespace KpiBot.Host.Tests.Security;

/// <summary>
/// No configured secret and no issued or stored token ever reaches the log, at any level: one host with every secret
/// set (Slack signing secret, bot, app and client secrets; the Teams app password; the dashboard token; the key ring
/// certificate's password; the database password), used through every door that reads one — a Teams message answered
/// through the connector (client-credentials token), signed and forged Slack requests, the job dashboard, the REST API
/// with a key, a dashboard sign-in link — with every log category at Trace.
/// </summary>
public sealed partial class SecretsInLogsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("kpibot-secrets-").FullName;
    private readonly FakeTimeProvider _time = new(Monday);
    private TestDatabase _db = null!;
    private FakeBotFrameworkServer _teams = null!;
    private FakeSlackApi _slack = null!;

    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["Slack:SigningSecret"] = "slack-signing-secret-2b9d51",
        ["Slack:BotToken"] = "xoxb-bot-token-4e1c77",
        ["Slack:AppToken"] = "xapp-app-token-93ad02",
        ["Slack:ClientSecret"] = "slack-client-secret-8a0f36",
        ["Teams:AppPassword"] = "teams-app-password-7f3a90",
        ["Jobs:DashboardToken"] = "hangfire-dashboard-token-6c2e18",
        ["DataProtection:CertificatePassword"] = "keyring-pfx-password-1d7b44",
    };

    private const string DatabasePassword = "pg-password-9e4f21";

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        _teams = await FakeBotFrameworkServer.StartAsync();
        _teams.Members = SalesMembers();
        _slack = await FakeSlackApi.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        await _teams.DisposeAsync();
        await _db.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task EverySecretAndToken_UsedThroughEveryDoor_NeverAppearsInTheLog_AtAnyLevel()
    {
        var key = _teams.AddKey("key-1", "msteams");
        var logs = new RecordingLoggerProvider();
        var settings = new Dictionary<string, string?>(Secrets.ToDictionary(p => p.Key, p => (string?)p.Value))
        {
            // The test server trusts local connections without a password; the password still travels in the string.
            ["ConnectionStrings:KpiBot"] = _db.Settings["ConnectionStrings:KpiBot"] + ";Password=" + DatabasePassword,
            ["Slack:ClientId"] = "1234.5678",
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl.ToString(),
            ["DataProtection:CertificatePath"] = WriteCertificate(Secrets["DataProtection:CertificatePassword"]),
            ["KpiBot:PublicBaseUrl"] = "https://kpibot.example.com",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
            ["Logging:LogLevel:Hangfire"] = "Trace",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
        };
        await using var host = TeamsHost.Start(_db, _teams, _time, settings, services: s => s.AddSingleton<ILoggerProvider>(logs));
        var url = host.ServiceUrl;
        string Token() => TestTokens.Mint(key, _time.GetUtcNow(), serviceUrl: url);

        // Teams: installed (roster read with the app's token), then a rep asks for a dashboard link (a sign-in token).
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(InstalledInTeam(url), Token())).StatusCode);
        await host.SettleAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Personal(url, "tanaka", "dashboard", "m-1"), Token())).StatusCode);
        await host.SettleAsync();
        var replies = string.Join('\n', _teams.Requests.Select(c => c.Path + " " + c.Body));
        var link = SignInLink().Match(replies);
        Assert.True(link.Success, "no sign-in link in the reply: " + replies);
        // The link opened (the token in the query) and its button pressed (the token in the form): a session starts.
        var confirm = await host.Client.GetAsync(new Uri(link.Groups["path"].Value, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var signIn = await PressSignInAsync(host, confirm, link.Groups["path"].Value, link.Groups["token"].Value);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kpibot.dashboard=", StringComparison.Ordinal));

        // Slack over HTTP: a signed slash command (answered with the bot token) and a forged one.
        var body = SlackPayloads.Slash(FakeSlackApi.TeamId, "U0SATO", "D0SATO", "help", _slack.ResponseUrl);
        Assert.Equal(HttpStatusCode.OK, (await SlackAsync(host, body, Secrets["Slack:SigningSecret"])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SlackAsync(host, body, "not-the-signing-secret")).StatusCode);

        // The job dashboard with its token and with a wrong one; the REST API with a key and with a wrong one.
        Assert.Equal(HttpStatusCode.OK, (await BearerAsync(host, "/hangfire", Secrets["Jobs:DashboardToken"])).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await BearerAsync(host, "/hangfire", Secrets["Jobs:DashboardToken"] + "x")).StatusCode);
        var apiKey = (await host.InScopeAsync(s => s.GetRequiredService<ApiKeyService>().CreateAsync("logs", ApiKeyScope.Read, null, "test", CancellationToken.None)))!.Value.Secret;
        Assert.Equal(HttpStatusCode.OK, (await BearerAsync(host, "/api/v1/tree", apiKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await BearerAsync(host, "/api/v1/tree", apiKey[..^2] + "zz")).StatusCode);
        await host.SettleAsync();

        // The doors were used: the connector got its token with the app password, Slack was called with the bot token.
        Assert.NotEmpty(_teams.TokenRequests);
        Assert.Contains(_slack.Calls, c => c.Authorization == "Bearer " + Secrets["Slack:BotToken"]);
        var text = logs.AllText;
        Assert.True(logs.Lines.Count > 100, $"only {logs.Lines.Count} log lines");
        // The sign-in requests are in the request log, by path alone.
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Information && l.Text.Contains("Path: /dashboard/signin/tanaka", StringComparison.Ordinal));
        foreach (var secret in Secrets.Values.Append(DatabasePassword).Append(apiKey).Append(link.Groups["token"].Value))
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"'{secret}' is in the log: " + string.Join("\n", logs.Lines.Where(l => (l.Text + l.Exception).Contains(secret, StringComparison.Ordinal)).Select(l => l.Level + " " + l.EventId + " " + l.Text)));
        }
    }

    private static Task<HttpResponseMessage> SlackAsync(TeamsHost host, string body, string secret)
    {
        var ts = host.Time.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/slack/events", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add("X-Slack-Request-Timestamp", ts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Slack-Signature", SlackPayloads.Sign(secret, ts, body));
        return host.Client.SendAsync(request);
    }

    /// <summary>Posts the sign-in page's form as a browser would: its anti-forgery field and cookie, and the token.</summary>
    private static async Task<HttpResponseMessage> PressSignInAsync(TeamsHost host, HttpResponseMessage page, string link, string token)
    {
        var html = await page.Content.ReadAsStringAsync();
        var field = AntiforgeryField().Match(html);
        Assert.True(field.Success, "no form on the sign-in page: " + html);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(link.Split('?')[0], UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["t"] = token,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(field.Groups[1].Value),
            }),
        };
        request.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        return await host.Client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> BearerAsync(TeamsHost host, string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // As from another machine (through a proxy the host does not trust), so /hangfire needs its token.
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        return host.Client.SendAsync(request);
    }

    private string WriteCertificate(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=KpiBot key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    [GeneratedRegex(@"https://kpibot\.example\.com(?<path>/dashboard/signin/[^\s""\)\]]*?\?t=(?<token>[A-Za-z0-9_\-]+))")]
    private static partial Regex SignInLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
