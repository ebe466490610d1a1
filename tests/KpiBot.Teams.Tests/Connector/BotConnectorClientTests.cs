using System.Text.Json.Nodes;
using KpiBot.Core.Chat;
using KpiBot.Teams.Cards;
using KpiBot.Teams.Connector;
using KpiBot.Testing.Teams;

namespace KpiBot.Teams.Tests.Connector;

public sealed class BotConnectorClientTests : IAsyncLifetime
{
    private FakeBotFrameworkServer _server = null!;
    private BotConnectorClient _client = null!;
    private ConversationAddress _conversation = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeBotFrameworkServer.StartAsync();
        var options = _server.Options();
        options.ConnectorRetryBaseDelay = TimeSpan.FromMilliseconds(5);
        options.ConnectorMaxAttempts = 3;
        options.ConnectorMaxRetryDelay = TimeSpan.FromSeconds(2);
        _client = new BotConnectorClient(_server.Client, new FixedToken("test-token"), options, TimeProvider.System);
        _conversation = new ConversationAddress(Platforms.Teams, "tenant-1", "a:1personal;messageid=9", _server.BaseAddress.AbsoluteUri);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static OutgoingActivity Card => OutgoingActivity.Cards("Saved.", [new AdaptiveCard([new TextBlock("Saved.")])]);

    [Fact]
    public async Task Send_PostsTheActivityWithTheTokenToTheConversation()
    {
        var outcome = await _client.SendAsync(_conversation, Card, CancellationToken.None);

        var delivered = Assert.IsType<SendOutcome.Delivered>(outcome);
        Assert.Equal("act-1", delivered.Message.MessageId);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/v3/conversations/a%3A1personal%3Bmessageid%3D9/activities", "Bearer test-token"), (request.Method, request.Path, request.Authorization));
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("message", (string?)body["type"]);
        Assert.Equal("Saved.", (string?)body["summary"]);
        Assert.Null(body["text"]);
        Assert.Equal(AdaptiveCard.ContentType, (string?)body["attachments"]![0]!["contentType"]);
        Assert.Equal("AdaptiveCard", (string?)body["attachments"]![0]!["content"]!["type"]);
    }

    [Fact]
    public async Task Update_PutsTheActivityInPlace()
    {
        var message = new MessageRef(_conversation, "1732698000000");

        var outcome = await _client.UpdateAsync(message, Card, CancellationToken.None);

        Assert.Equal(message, Assert.IsType<SendOutcome.Delivered>(outcome).Message);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("PUT", "/v3/conversations/a%3A1personal%3Bmessageid%3D9/activities/1732698000000"), (request.Method, request.Path));
    }

    [Fact]
    public async Task Reply_PostsToTheActivity()
    {
        await _client.ReplyAsync(_conversation, "act-7", Card, CancellationToken.None);

        Assert.Equal("/v3/conversations/a%3A1personal%3Bmessageid%3D9/activities/act-7", Assert.Single(_server.Requests).Path);
    }

    [Fact]
    public async Task CreatePersonalConversation_SendsTenantAndUser_AndGivesTheAddress()
    {
        var result = await _client.CreatePersonalConversationAsync(_server.BaseAddress.AbsoluteUri, "tenant-1", "29:user", CancellationToken.None);

        Assert.Equal(new ConversationAddress(Platforms.Teams, "tenant-1", "a:personal:29:user", _server.BaseAddress.AbsoluteUri), result.Value);
        var body = JsonNode.Parse(Assert.Single(_server.Requests).Body)!;
        Assert.False((bool)body["isGroup"]!);
        Assert.Equal("29:user", (string?)body["members"]![0]!["id"]);
        Assert.Equal("tenant-1", (string?)body["tenantId"]);
        Assert.Equal("tenant-1", (string?)body["channelData"]!["tenant"]!["id"]);
    }

    [Fact]
    public async Task GetMembers_GivesEmailAndUpn()
    {
        _server.Members = [new JsonObject { ["id"] = "29:a", ["name"] = "Sato", ["email"] = "sato@example.com", ["userPrincipalName"] = "sato@example.com", ["aadObjectId"] = "oid", ["tenantId"] = "t" }];

        var result = await _client.GetMembersAsync(_conversation, CancellationToken.None);

        var member = Assert.Single(result.Value!);
        Assert.Equal(("29:a", "sato@example.com", "oid"), (member.Id, member.Email, member.AadObjectId));
        Assert.Equal("/v3/conversations/a%3A1personal%3Bmessageid%3D9/members", Assert.Single(_server.Requests).Path);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Send_WhenPassingFailure_RetriesAndDelivers(int status)
    {
        _server.Script.Enqueue(new ScriptedResponse(status));

        var outcome = await _client.SendAsync(_conversation, Card, CancellationToken.None);

        Assert.IsType<SendOutcome.Delivered>(outcome);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Send_WhenRateLimitedEveryTime_GivesUpAfterTheBoundWithRetryAfter()
    {
        for (var i = 0; i < 3; i++)
        {
            _server.Script.Enqueue(new ScriptedResponse(429, RetryAfterSeconds: 0));
        }

        var outcome = await _client.SendAsync(_conversation, Card, CancellationToken.None);

        Assert.IsType<SendOutcome.RateLimited>(outcome);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Send_WhenRetryAfterIsLongerThanWeWait_ReturnsItAtOnce()
    {
        _server.Script.Enqueue(new ScriptedResponse(429, RetryAfterSeconds: 660));

        var outcome = await _client.SendAsync(_conversation, Card, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(660), Assert.IsType<SendOutcome.RateLimited>(outcome).RetryAfter);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Send_WhenMessageWritesBlocked_IsUnreachableWithoutRetry()
    {
        _server.Script.Enqueue(new ScriptedResponse(403, new JsonObject { ["error"] = new JsonObject { ["code"] = "MessageWritesBlocked", ["message"] = "blocked" } }));

        var outcome = await _client.SendAsync(_conversation, Card, CancellationToken.None);

        Assert.Equal("403 MessageWritesBlocked", Assert.IsType<SendOutcome.Unreachable>(outcome).Reason);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Send_WhenConversationIsGone_IsUnreachable()
    {
        _server.Script.Enqueue(new ScriptedResponse(404, new JsonObject { ["error"] = new JsonObject { ["code"] = "ConversationNotFound" } }));

        Assert.IsType<SendOutcome.Unreachable>(await _client.SendAsync(_conversation, Card, CancellationToken.None));
    }

    [Fact]
    public async Task Send_WhenBadRequest_IsTransientWithoutRetry()
    {
        _server.Script.Enqueue(new ScriptedResponse(400, new JsonObject { ["error"] = new JsonObject { ["code"] = "BadArgument" } }));

        Assert.Equal("400 BadArgument", Assert.IsType<SendOutcome.Transient>(await _client.SendAsync(_conversation, Card, CancellationToken.None)).Reason);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Send_WhenSuccessHasNoBody_IsDeliveredOnce()
    {
        _server.Script.Enqueue(new ScriptedResponse(200));

        Assert.IsType<SendOutcome.Delivered>(await _client.SendAsync(_conversation, Card, CancellationToken.None));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Send_WhenServiceUrlIsNotHttps_RefusesWithoutCalling()
    {
        var plain = _conversation with { ServiceUrl = "http://127.0.0.1:1/" };

        Assert.IsType<SendOutcome.Unreachable>(await _client.SendAsync(plain, Card, CancellationToken.None));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Send_InTheEmulatorMode_CallsAnHttpServiceUrl_WithoutAToken()
    {
        var options = _server.Options();
        options.ConnectorMaxAttempts = 1;
        var emulator = new BotConnectorClient(_server.Client, new FixedToken(""), options, TimeProvider.System, allowHttpServiceUrls: true);
        var plain = _conversation with { ServiceUrl = "http://127.0.0.1:1/" };

        // Nothing listens there: the call was attempted (a network failure), not refused as non-HTTPS.
        Assert.IsType<SendOutcome.Transient>(await emulator.SendAsync(plain, Card, CancellationToken.None));
    }

    [Fact]
    public async Task GetMembersPage_FollowsTheContinuationToken()
    {
        _server.Members = [new JsonObject { ["id"] = "29:a" }, new JsonObject { ["id"] = "29:b" }, new JsonObject { ["id"] = "29:c" }];

        var first = await _client.GetMembersPageAsync(_conversation, null, CancellationToken.None);
        var second = await _client.GetMembersPageAsync(_conversation, first.Value!.ContinuationToken, CancellationToken.None);

        Assert.Equal(["29:a", "29:b"], first.Value.Members!.Select(m => m.Id));
        Assert.Equal(["29:c"], second.Value!.Members!.Select(m => m.Id));
        Assert.Null(second.Value.ContinuationToken);
        Assert.Equal("/v3/conversations/a%3A1personal%3Bmessageid%3D9/pagedmembers?pageSize=200&continuationToken=2", _server.Requests.Last().Path);
    }

    private sealed class FixedToken(string token) : IBotTokenProvider
    {
        public Task<string> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);
    }
}
