using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KpiBot.Host.Tests.Teams;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Teams;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using static KpiBot.Host.Tests.Teams.TeamsActivities;

namespace KpiBot.Host.Tests.Hostile;

/// <summary>
/// The hostile-input corpus for <c>/api/messages</c> on the real host: every bad Bot Framework token and body,
/// each a test case named "Teams NN …". Each asserts the status code, that nothing was stored or sent, and that
/// the host still answers. A body the host cannot read has no serviceUrl to hold the token to, so it is refused as
/// unauthenticated (401) before anything else is said about it. The token checks themselves are unit-tested in KpiBot.Teams.Tests; this is the same
/// corpus through the whole host.
/// </summary>
public sealed class HostileTeamsRequestTests(HostileTeamsRequestTests.Fixture host) : IClassFixture<HostileTeamsRequestTests.Fixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Cases => [.. Corpus.Keys];

    private static readonly Dictionary<string, Func<Fixture, HttpRequestMessage>> Corpus = new()
    {
        ["Teams 01 no Authorization header → 401"] = f => f.Request(Good(f), token: null),
        ["Teams 02 empty bearer → 401"] = f => f.Request(Good(f), header: "Bearer "),
        ["Teams 03 lowercase bearer scheme → 401"] = f => f.Request(Good(f), header: "bearer " + f.Token()),
        ["Teams 04 Basic credentials → 401"] = f => f.Request(Good(f), header: "Basic dXNlcjpwYXNz"),
        ["Teams 05 not a JWT → 401"] = f => f.Request(Good(f), header: "Bearer not-a-jwt"),
        ["Teams 06 expired → 401"] = f => f.Request(Good(f), TestTokens.Mint(f.Key, Now.AddHours(-3), serviceUrl: f.Url)),
        ["Teams 07 not valid before an hour from now → 401"] = f => f.Request(Good(f), TestTokens.Mint(f.Key, Now, serviceUrl: f.Url, notBeforeOffset: TimeSpan.FromHours(1))),
        ["Teams 08 no exp claim → 401"] = f => f.Request(Good(f), TestTokens.Mint(f.Key, Now, serviceUrl: f.Url, expires: false)),
        ["Teams 09 wrong issuer → 401"] = f => f.Request(Good(f), TestTokens.Mint(f.Key, Now, issuer: "https://login.attacker.example", serviceUrl: f.Url)),
        ["Teams 10 audience of another bot → 401"] = f => f.Request(Good(f), TestTokens.Mint(f.Key, Now, audience: "99999999-2222-3333-4444-555555555555", serviceUrl: f.Url)),
        ["Teams 11 HS256 signed with the public key → 401"] = f => f.Request(Good(f), TestTokens.Mint(
            new SymmetricSecurityKey(SHA256.HashData(((RsaSecurityKey)f.Key).Rsa.ExportParameters(false).Modulus!)) { KeyId = "key-1" }, Now,
            serviceUrl: f.Url, algorithm: SecurityAlgorithms.HmacSha256)),
        ["Teams 12 alg none → 401"] = f => f.Request(Good(f), TestTokens.Unsigned("key-1", Now)),
        ["Teams 13 wrong key under the endorsed kid → 401"] = f => f.Request(Good(f), TestTokens.Mint(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "key-1" }, Now, serviceUrl: f.Url)),
        ["Teams 14 unknown key → 401"] = f => f.Request(Good(f), TestTokens.Mint(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "key-unknown" }, Now, serviceUrl: f.Url)),
        ["Teams 15 payload changed after signing → 401"] = f => f.Request(Good(f), TestTokens.Tampered(f.Token())),
        ["Teams 16 key endorsed for another channel → 403"] = f => f.Request(Good(f), TestTokens.Mint(f.SlackOnlyKey, Now, serviceUrl: f.Url)),
        ["Teams 17 key with no endorsements → 403"] = f => f.Request(Good(f), TestTokens.Mint(f.BareKey, Now, serviceUrl: f.Url)),
        ["Teams 18 serviceUrl other than the token's → 401"] = f => f.Request(With(Good(f), "serviceUrl", "https://attacker.example/teams/")),
        ["Teams 19 no serviceUrl in the activity → 401"] = f => f.Request(Without(Good(f), "serviceUrl")),
        ["Teams 20 no serviceurl claim in the token → 401"] = f => f.Request(Good(f), TestTokens.Mint(f.Key, Now, serviceUrl: null)),
        ["Teams 21 no channelId → 401"] = f => f.Request(Without(Good(f), "channelId")),
        ["Teams 22 body of 1 MB → 413"] = f => f.Request(With(Good(f), "text", new string('x', 1024 * 1024))),
        ["Teams 23 body of 20 MB → 413"] = f => f.Request(With(Good(f), "text", new string('x', 20 * 1024 * 1024))),
        ["Teams 24 malformed JSON (no serviceUrl to hold the token to) → 401"] = f => f.Raw("{\"type\":\"message\",\"text\":", "application/json"),
        ["Teams 25 a JSON array (no serviceUrl to hold the token to) → 401"] = f => f.Raw("[1,2,3]", "application/json"),
        ["Teams 26 empty body (no serviceUrl to hold the token to) → 401"] = f => f.Raw("", "application/json"),
        ["Teams 27 JSON nested 10,000 deep (no serviceUrl to hold the token to) → 401"] = f => f.Raw(new string('[', 10_000) + new string(']', 10_000), "application/json"),
        ["Teams 28 not JSON at all (no serviceUrl to hold the token to) → 401"] = f => f.Raw("type=message&text=hello", "application/x-www-form-urlencoded"),
        ["Teams 29 invalid UTF-8 (no serviceUrl to hold the token to) → 401"] = f => f.Raw(Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"").Concat(new byte[] { 0xFF, 0xFE }).Concat("\"}"u8.ToArray()).ToArray(), "application/json"),
        ["Teams 30 a token replayed for another bot's endpoint (audience) → 401"] = f => f.Request(Good(f), TestTokens.Mint(f.Key, Now, audience: "https://api.botframework.com", serviceUrl: f.Url)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Refused_NothingStored_HostStillAnswers(string name)
    {
        var expected = (HttpStatusCode)int.Parse(name[(name.LastIndexOf('→') + 2)..], System.Globalization.CultureInfo.InvariantCulture);
        var before = await StoredRows.ReadAsync(host.Host.Services);
        var sent = host.Fake.Requests.Count;

        using var request = Corpus[name](host);
        using var response = await host.Host.Client.SendAsync(request);
        await host.Host.SettleAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(before, await StoredRows.ReadAsync(host.Host.Services));
        Assert.Equal(sent, host.Fake.Requests.Count);
        Assert.Equal(HttpStatusCode.OK, (await host.Host.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AfterTheCorpus_AGoodRequestIsStillServed()
    {
        using var request = host.Request(Good(host));
        using var response = await host.Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static JsonObject Good(Fixture f) => Personal(f.Url, "tanaka", "help", "m-" + Guid.NewGuid().ToString("N"));

    private static JsonObject With(JsonObject activity, string key, string value)
    {
        activity[key] = value;
        return activity;
    }

    private static JsonObject Without(JsonObject activity, string key)
    {
        activity.Remove(key);
        return activity;
    }

    /// <summary>One host for the whole corpus: a refused request must not change what the next one finds.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private TestDatabase _db = null!;

        internal TeamsHost Host { get; private set; } = null!;

        public FakeBotFrameworkServer Fake { get; private set; } = null!;

        public SecurityKey Key { get; private set; } = null!;

        public SecurityKey SlackOnlyKey { get; private set; } = null!;

        public SecurityKey BareKey { get; private set; } = null!;

        public string Url => Fake.BaseAddress.AbsoluteUri;

        public string Token() => TestTokens.Mint(Key, Now, serviceUrl: Url);

        public async Task InitializeAsync()
        {
            _db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
            Fake = await FakeBotFrameworkServer.StartAsync();
            Key = Fake.AddKey("key-1", "msteams");
            SlackOnlyKey = Fake.AddKey("key-2", "slack");
            BareKey = Fake.AddKey("key-3");
            // No recurring dispatch: a minute turning mid-corpus would send what is due at Now and change the counts.
            Host = TeamsHost.Start(_db, Fake, new FakeTimeProvider(Now), environment: "Production", recurring: false);
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            await Fake.DisposeAsync();
            await _db.DisposeAsync();
        }

        public HttpRequestMessage Request(JsonObject activity, string? token = "", string? header = null)
        {
            var request = Raw(activity.ToJsonString(), "application/json");
            request.Headers.Authorization = null;
            if (header is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", header);
            }
            else if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Length == 0 ? Token() : token);
            }

            return request;
        }

        public HttpRequestMessage Raw(string body, string contentType) => Raw(Encoding.UTF8.GetBytes(body), contentType);

        public HttpRequestMessage Raw(byte[] body, string contentType)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative)) { Content = content };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
            return request;
        }
    }
}
