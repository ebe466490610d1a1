using KpiBot.Slack.Api;
using KpiBot.Slack.BlockKit;
using KpiBot.Slack.Inbound;
using KpiBot.Testing.Fakes;
using Microsoft.Extensions.Options;

namespace KpiBot.Slack.Tests.Api;

public sealed class SlackApiClientTests : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new();
    private FakeSlackApi _slack = null!;
    private SlackApiClient _client = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _client = new SlackApiClient(_http, Options.Create(new SlackOptions { BotToken = "xoxb-test-token", ApiBaseUrl = _slack.BaseUrl }), new ConfiguredSlackTokens(Options.Create(new SlackOptions { BotToken = "xoxb-test-token", ApiBaseUrl = _slack.BaseUrl })));
    }

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    public void Dispose() => _http.Dispose();

    private static readonly SlackMessage Hello = new("Hello", [new SectionBlock(new Markdown("*Hello*"))]);

    [Fact]
    public async Task PostMessage_SendsJsonWithTheTokenInTheHeaderAndReturnsTheTs()
    {
        var (channel, ts) = await _client.PostMessageAsync("T1", "C1", Hello, null, CancellationToken.None);

        var call = _slack.Single("chat.postMessage");
        Assert.Equal("Bearer xoxb-test-token", call.Authorization);
        Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
        Assert.Equal("C1", call.Json["channel"]!.GetValue<string>());
        Assert.Equal("Hello", call.Json["text"]!.GetValue<string>());
        Assert.Equal("section", call.Json["blocks"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("*Hello*", call.Json["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Null(call.Json["thread_ts"]);
        Assert.DoesNotContain("xoxb", call.Body, StringComparison.Ordinal);
        Assert.Equal(("C1", "1700000000.000001"), (channel, ts));
    }

    [Fact]
    public async Task UpdateMessage_SendsChannelTsAndTheNewContent()
    {
        await _client.UpdateMessageAsync("T1", "D1", "1.2", Hello, CancellationToken.None);

        var call = _slack.Single("chat.update");
        Assert.Equal(("D1", "1.2", "Hello"), (call.Json["channel"]!.GetValue<string>(), call.Json["ts"]!.GetValue<string>(), call.Json["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OpenConversation_ReturnsTheDmChannel()
    {
        Assert.Equal("DU1", await _client.OpenConversationAsync("T1", "U1", CancellationToken.None));
        Assert.Equal("U1", _slack.Single("conversations.open").Json["users"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenView_SendsTheTriggerAndTheModal()
    {
        var modal = new ModalView(new PlainText("T"), new PlainText("S"), new PlainText("C"), [], SlackIds.CheckInModal, InteractionParser.WriteCard(new CardRef("k", default, 1, "p")));

        await _client.OpenViewAsync("T1", "trigger-1", modal, CancellationToken.None);

        var call = _slack.Single("views.open");
        Assert.Equal("trigger-1", call.Json["trigger_id"]!.GetValue<string>());
        Assert.Equal("modal", call.Json["view"]!["type"]!.GetValue<string>());
        Assert.Equal(SlackIds.CheckInModal, call.Json["view"]!["callback_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task LookupUserByEmail_PostsTheEmailAsAFormAndReturnsTheUser()
    {
        _slack.AddUser("U0ALICE", "alice@example.com");
        Assert.Equal("U0ALICE", await _client.LookupUserByEmailAsync("T1", "alice@example.com", CancellationToken.None));

        var call = _slack.Single("users.lookupByEmail");
        Assert.Equal("email=alice%40example.com", call.Body);
    }

    [Fact]
    public async Task PostEphemeral_SendsChannelUserAndContent()
    {
        await _client.PostEphemeralAsync("T1", "C1", "U1", Hello, CancellationToken.None);

        var call = _slack.Single("chat.postEphemeral");
        Assert.Equal(("C1", "U1", "Hello"), (call.Json["channel"]!.GetValue<string>(), call.Json["user"]!.GetValue<string>(), call.Json["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AuthTest_ReturnsTheBotsIds() =>
        Assert.Equal(new SlackBotIdentity("U0LAN0Z89", "B0LAN0Z89"), await _client.AuthTestAsync("T1", CancellationToken.None));

    [Fact]
    public async Task UserInfo_ReturnsTimeZoneAndLocale()
    {
        var user = await _client.UserInfoAsync("T1", "U0ALICE", CancellationToken.None);

        Assert.Equal(("U0ALICE", "Asia/Tokyo", "ja-JP", false), (user.Id, user.Tz, user.Locale, user.IsBot));
        Assert.Equal("user=U0ALICE&include_locale=true", _slack.Single("users.info").Body);
    }

    [Fact]
    public async Task LookupUserByEmail_WhenNoSuchUser_IsNull()
    {
        _slack.Answer("users.lookupByEmail", 200, """{"ok":false,"error":"users_not_found"}""");

        Assert.Null(await _client.LookupUserByEmailAsync("T1", "nobody@example.com", CancellationToken.None));
    }

    [Fact]
    public async Task Call_WhenSlackSaysNotOk_ThrowsItsError()
    {
        _slack.Answer("chat.postMessage", 200, """{"ok":false,"error":"channel_not_found"}""");

        var e = await Assert.ThrowsAsync<SlackApiException>(() => _client.PostMessageAsync("T1", "C404", Hello, null, CancellationToken.None));

        Assert.Equal(("channel_not_found", "chat.postMessage", false), (e.Error, e.Method, e.IsTransient));
    }

    [Fact]
    public async Task Call_WhenRateLimited_ThrowsWithRetryAfter()
    {
        _slack.Answer("chat.postMessage", 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: "30");

        var e = await Assert.ThrowsAsync<SlackRateLimitedException>(() => _client.PostMessageAsync("T1", "C1", Hello, null, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(30), e.RetryAfter);
    }

    [Theory]
    [InlineData(500, "oops", "http_500", true)]
    [InlineData(200, "not json", "invalid_response", false)]
    [InlineData(200, """{"ok":false,"error":"internal_error"}""", "internal_error", true)]
    public async Task Call_WhenSlackFails_ThrowsATypedError(int status, string body, string error, bool transient)
    {
        _slack.Answer("chat.update", status, body);

        var e = await Assert.ThrowsAsync<SlackApiException>(() => _client.UpdateMessageAsync("T1", "C1", "1.2", Hello, CancellationToken.None));

        Assert.Equal((error, transient), (e.Error, e.IsTransient));
    }

    [Fact]
    public async Task Call_WithoutABotToken_ThrowsAndCallsNothing()
    {
        var client = new SlackApiClient(_http, Options.Create(new SlackOptions { ApiBaseUrl = _slack.BaseUrl }), new ConfiguredSlackTokens(Options.Create(new SlackOptions { ApiBaseUrl = _slack.BaseUrl })));

        var e = await Assert.ThrowsAsync<SlackApiException>(() => client.PostMessageAsync("T1", "C1", Hello, null, CancellationToken.None));

        Assert.Equal("not_configured", e.Error);
        Assert.Empty(_slack.Calls);
    }

    [Fact]
    public async Task ListUsers_FollowsTheCursorPageByPage()
    {
        foreach (var i in Enumerable.Range(1, 5))
        {
            _slack.AddMember(new FakeSlackMember($"U{i}", $"u{i}@example.com", Deleted: i == 5));
        }

        _slack.UsersPageSize = 2;

        var pages = new List<IReadOnlyList<SlackUserInfo>>();
        await foreach (var page in _client.ListUsersAsync("T1", CancellationToken.None))
        {
            pages.Add(page);
        }

        Assert.Equal([["U1", "U2"], ["U3", "U4"], ["U5"]], pages.Select(p => p.Select(u => u.Id!).ToList()));
        Assert.Equal("u3@example.com", pages[1][0].Profile!.Email);
        Assert.True(pages[2][0].Deleted);
        Assert.Equal(["limit=200", "limit=200&cursor=2", "limit=200&cursor=4"], _slack.Of("users.list").Select(c => c.Body));
        Assert.All(_slack.Of("users.list"), c => Assert.Equal("Bearer xoxb-test-token", c.Authorization));
    }

    [Fact]
    public async Task ListUsers_WhenRateLimited_WaitsAndAsksForTheSamePageAgain()
    {
        _slack.AddMember(new FakeSlackMember("U1", "u1@example.com"));
        _slack.AddMember(new FakeSlackMember("U2", "u2@example.com"));
        _slack.UsersPageSize = 1;
        _slack.Answer("users.list", 200, """{"ok":true,"members":[{"id":"U1"}],"response_metadata":{"next_cursor":"1"}}""");
        _slack.Answer("users.list", 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: "0");

        var ids = new List<string>();
        await foreach (var page in _client.ListUsersAsync("T1", CancellationToken.None))
        {
            ids.AddRange(page.Select(u => u.Id!));
        }

        Assert.Equal(["U1", "U2"], ids);
        Assert.Equal(["limit=200", "limit=200&cursor=1", "limit=200&cursor=1"], _slack.Of("users.list").Select(c => c.Body));
    }

    [Fact]
    public async Task ListUsers_WhenRateLimitedAgainAndAgain_GivesUp()
    {
        for (var i = 0; i < SlackApiClient.MaxRetriesPerPage + 1; i++)
        {
            _slack.Answer("users.list", 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: "0");
        }

        await Assert.ThrowsAsync<SlackRateLimitedException>(async () =>
        {
            await foreach (var page in _client.ListUsersAsync("T1", CancellationToken.None))
            {
                Assert.Fail("no page expected");
            }
        });
        Assert.Equal(SlackApiClient.MaxRetriesPerPage, _slack.Of("users.list").Count);
    }

    [Fact]
    public async Task FindUserByEmail_ReturnsTheProfile_OrNullForAnUnknownEmail()
    {
        _slack.AddMember(new FakeSlackMember("U0NEW", "new.rep@example.com", "Europe/London", "en-GB"));

        var found = await _client.FindUserByEmailAsync("T1", "New.Rep@example.com", CancellationToken.None);

        Assert.Equal(("U0NEW", "Europe/London", "en-GB", "new.rep@example.com"), (found!.Id, found.Tz, found.Locale, found.Profile!.Email));
        Assert.Null(await _client.FindUserByEmailAsync("T1", "nobody@example.com", CancellationToken.None));
    }

    [Fact]
    public async Task ConfiguredTeam_IsTheBotTokensWorkspace_AndNullWithoutAToken()
    {
        Assert.Equal(FakeSlackApi.TeamId, await _client.ConfiguredTeamAsync(CancellationToken.None));
        Assert.Equal("Bearer xoxb-test-token", _slack.Single("auth.test").Authorization);

        var client = new SlackApiClient(_http, Options.Create(new SlackOptions { ApiBaseUrl = _slack.BaseUrl }), new ConfiguredSlackTokens(Options.Create(new SlackOptions { BotToken = "xoxb-other" })));
        Assert.Null(await client.ConfiguredTeamAsync(CancellationToken.None));
        Assert.Single(_slack.Of("auth.test"));
    }
}
