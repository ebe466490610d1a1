using System.Security.Cryptography;
using System.Text;
using KpiBot.Teams.Auth;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using KpiBot.Testing.Teams;

namespace KpiBot.Teams.Tests.Auth;

public sealed class BotFrameworkTokenValidatorTests : IAsyncLifetime
{
    private const string Channel = "msteams";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private FakeBotFrameworkServer _server = null!;
    private RsaSecurityKey _key = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeBotFrameworkServer.StartAsync();
        _key = _server.AddKey("key-1", "msteams", "webchat");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private DateTimeOffset Now => _time.GetUtcNow();

    [Fact]
    public async Task Validate_WhenTokenIsGood_IsValid()
    {
        var result = await ValidateAsync(Bearer(TestTokens.Mint(_key, Now)));

        var valid = Assert.IsType<InboundAuthResult.Valid>(result);
        Assert.Equal(TestTokens.ServiceUrl, valid.ServiceUrl);
        Assert.Equal(FakeBotFrameworkServer.AppId, valid.AppId);
    }

    [Theory]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task Validate_WhenSignedWithAnotherAllowedRsaAlgorithm_IsValid(string algorithm)
    {
        var result = await ValidateAsync(Bearer(TestTokens.Mint(_key, Now, algorithm: algorithm)));

        Assert.IsType<InboundAuthResult.Valid>(result);
    }

    [Fact]
    public async Task Validate_WhenServiceUrlDiffersOnlyInCase_IsValid()
    {
        var result = await ValidateAsync(Bearer(TestTokens.Mint(_key, Now)), serviceUrl: TestTokens.ServiceUrl.ToUpperInvariant());

        Assert.IsType<InboundAuthResult.Valid>(result);
    }

    [Fact]
    public async Task Validate_WhenExpiredWithinClockSkew_IsValid()
    {
        var token = TestTokens.Mint(_key, Now, notBeforeOffset: TimeSpan.FromMinutes(-64), lifetime: TimeSpan.FromHours(1));

        Assert.IsType<InboundAuthResult.Valid>(await ValidateAsync(Bearer(token)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("bearer x.y.z")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-jwt")]
    public async Task Validate_WhenHeaderIsMissingOrNotBearer_IsUnauthorized(string? header)
    {
        Assert.IsType<InboundAuthResult.Unauthorized>(await ValidateAsync(header));
    }

    [Fact]
    public async Task Validate_WhenExpired_IsUnauthorized()
    {
        var token = TestTokens.Mint(_key, Now, notBeforeOffset: TimeSpan.FromHours(-2), lifetime: TimeSpan.FromHours(1));

        Assert.IsType<InboundAuthResult.Unauthorized>(await ValidateAsync(Bearer(token)));
    }

    [Fact]
    public async Task Validate_WhenNotYetValid_IsUnauthorized()
    {
        var token = TestTokens.Mint(_key, Now, notBeforeOffset: TimeSpan.FromMinutes(10));

        Assert.IsType<InboundAuthResult.Unauthorized>(await ValidateAsync(Bearer(token)));
    }

    [Fact]
    public async Task Validate_WhenIssuerIsWrong_IsUnauthorized()
    {
        var token = TestTokens.Mint(_key, Now, issuer: "https://sts.windows.net/attacker/");

        Assert.IsType<InboundAuthResult.Unauthorized>(await ValidateAsync(Bearer(token)));
    }

    [Fact]
    public async Task Validate_WhenAudienceIsAnotherBot_IsUnauthorized()
    {
        var token = TestTokens.Mint(_key, Now, audience: "99999999-2222-3333-4444-555555555555");

        Assert.IsType<InboundAuthResult.Unauthorized>(await ValidateAsync(Bearer(token)));
    }

    [Fact]
    public async Task Validate_WhenSignedWithHs256_IsUnauthorized()
    {
        // The HMAC secret is the public modulus: the classic key-confusion attack.
        var secret = new SymmetricSecurityKey(SHA256.HashData(_key.Rsa.ExportParameters(false).Modulus!)) { KeyId = "key-1" };
        var token = TestTokens.Mint(secret, Now, algorithm: SecurityAlgorithms.HmacSha256);

        Assert.IsType<InboundAuthResult.Unauthorized>(await ValidateAsync(Bearer(token)));
    }

    [Fact]
    public async Task Validate_WhenUnsigned_IsUnauthorized()
    {
        Assert.IsType<InboundAuthResult.Unauthorized>(await ValidateAsync(Bearer(TestTokens.Unsigned("key-1", Now))));
    }

    [Fact]
    public async Task Validate_WhenKeyIsUnknown_IsUnauthorized()
    {
        var stranger = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "key-unknown" };

        Assert.IsType<InboundAuthResult.Unauthorized>(await ValidateAsync(Bearer(TestTokens.Mint(stranger, Now))));
    }

    [Fact]
    public async Task Validate_WhenSignedByAnotherKeyUnderAKnownKeyId_IsUnauthorized()
    {
        var impostor = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "key-1" };

        Assert.IsType<InboundAuthResult.Unauthorized>(await ValidateAsync(Bearer(TestTokens.Mint(impostor, Now))));
    }

    [Fact]
    public async Task Validate_WhenPayloadIsTampered_IsUnauthorized()
    {
        var token = TestTokens.Tampered(TestTokens.Mint(_key, Now));

        Assert.IsType<InboundAuthResult.Unauthorized>(await ValidateAsync(Bearer(token)));
    }

    [Fact]
    public async Task Validate_WhenKeyIsNotEndorsedForTheChannel_IsForbidden()
    {
        var slackOnly = _server.AddKey("key-2", "slack");

        Assert.IsType<InboundAuthResult.Forbidden>(await ValidateAsync(Bearer(TestTokens.Mint(slackOnly, Now))));
    }

    [Fact]
    public async Task Validate_WhenKeyHasNoEndorsements_IsForbidden()
    {
        var bare = _server.AddKey("key-3");

        Assert.IsType<InboundAuthResult.Forbidden>(await ValidateAsync(Bearer(TestTokens.Mint(bare, Now))));
    }

    [Fact]
    public async Task Validate_WhenServiceUrlDiffersFromTheToken_IsUnauthorized()
    {
        var result = await ValidateAsync(Bearer(TestTokens.Mint(_key, Now)), serviceUrl: "https://attacker.example/teams/");

        Assert.IsType<InboundAuthResult.Unauthorized>(result);
    }

    [Fact]
    public async Task Validate_WhenActivityHasNoServiceUrlOrChannel_IsUnauthorized()
    {
        var token = Bearer(TestTokens.Mint(_key, Now));

        Assert.IsType<InboundAuthResult.Unauthorized>(await ValidateAsync(token, serviceUrl: null));
        Assert.IsType<InboundAuthResult.Unauthorized>(await ValidateAsync(token, channelId: null));
    }

    [Fact]
    public async Task Validate_WhenNoAppIdIsConfigured_RefusesEveryToken()
    {
        var options = _server.Options();
        options.AppId = null;
        using var validator = new BotFrameworkTokenValidator(options, _server.Client, _time);

        var result = await validator.ValidateAsync(Bearer(TestTokens.Mint(_key, Now)), Channel, TestTokens.ServiceUrl, CancellationToken.None);

        Assert.IsType<InboundAuthResult.Unauthorized>(result);
    }

    [Fact]
    public async Task Validate_WhenMetadataIsUnreachable_IsUnauthorized()
    {
        var options = _server.Options();
        options.OpenIdMetadataUrl = new Uri(_server.BaseAddress, "nowhere");
        using var validator = new BotFrameworkTokenValidator(options, _server.Client, _time);

        var result = await validator.ValidateAsync(Bearer(TestTokens.Mint(_key, Now)), Channel, TestTokens.ServiceUrl, CancellationToken.None);

        Assert.IsType<InboundAuthResult.Unauthorized>(result);
    }

    [Fact]
    public async Task Validate_WhenServerCertificateIsNotTrusted_IsUnauthorized()
    {
        using var plainClient = new HttpClient();
        using var validator = new BotFrameworkTokenValidator(_server.Options(), plainClient, _time);

        var result = await validator.ValidateAsync(Bearer(TestTokens.Mint(_key, Now)), Channel, TestTokens.ServiceUrl, CancellationToken.None);

        Assert.IsType<InboundAuthResult.Unauthorized>(result);
    }

    [Fact]
    public async Task Validate_WhenKeyIsRotatedIn_FetchesTheKeysAgainAndAccepts()
    {
        using var validator = new BotFrameworkTokenValidator(_server.Options(), _server.Client, _time);
        Assert.IsType<InboundAuthResult.Valid>(await validator.ValidateAsync(Bearer(TestTokens.Mint(_key, Now)), Channel, TestTokens.ServiceUrl, CancellationToken.None));
        var fetches = _server.MetadataRequests;

        var rotated = _server.AddKey("key-new", "msteams");
        var result = await validator.ValidateAsync(Bearer(TestTokens.Mint(rotated, Now)), Channel, TestTokens.ServiceUrl, CancellationToken.None);

        Assert.IsType<InboundAuthResult.Valid>(result);
        Assert.Equal(fetches + 1, _server.MetadataRequests);
    }

    [Fact]
    public async Task Validate_WhenKeysAreCached_FetchesAgainOnlyAfterTheRefreshInterval()
    {
        using var validator = new BotFrameworkTokenValidator(_server.Options(), _server.Client, _time);
        for (var i = 0; i < 3; i++)
        {
            await validator.ValidateAsync(Bearer(TestTokens.Mint(_key, Now)), Channel, TestTokens.ServiceUrl, CancellationToken.None);
        }

        Assert.Equal(1, _server.MetadataRequests);

        _time.Advance(TimeSpan.FromHours(13));
        await validator.ValidateAsync(Bearer(TestTokens.Mint(_key, Now)), Channel, TestTokens.ServiceUrl, CancellationToken.None);

        Assert.Equal(2, _server.MetadataRequests);
    }

    [Fact]
    public async Task Validate_WhenUnknownKeysRepeat_FetchesAtMostOncePerSpacing()
    {
        using var validator = new BotFrameworkTokenValidator(_server.Options(), _server.Client, _time);
        await validator.ValidateAsync(Bearer(TestTokens.Mint(_key, Now)), Channel, TestTokens.ServiceUrl, CancellationToken.None);
        var stranger = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "key-unknown" };

        for (var i = 0; i < 5; i++)
        {
            await validator.ValidateAsync(Bearer(TestTokens.Mint(stranger, Now)), Channel, TestTokens.ServiceUrl, CancellationToken.None);
        }

        Assert.Equal(2, _server.MetadataRequests);
    }

    private static string Bearer(string token) => "Bearer " + token;

    private async Task<InboundAuthResult> ValidateAsync(string? header, string? channelId = Channel, string? serviceUrl = TestTokens.ServiceUrl)
    {
        using var validator = new BotFrameworkTokenValidator(_server.Options(), _server.Client, _time);
        return await validator.ValidateAsync(header, channelId, serviceUrl, CancellationToken.None);
    }
}
