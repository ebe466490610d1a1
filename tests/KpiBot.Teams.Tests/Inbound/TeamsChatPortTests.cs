using System.Text.Json.Nodes;
using KpiBot.Core.Chat;
using KpiBot.Core.Views;
using KpiBot.Testing.Teams;

namespace KpiBot.Teams.Tests.Inbound;

public sealed class TeamsChatPortTests : IAsyncLifetime
{
    private FakeBotFrameworkServer _server = null!;
    private TeamsTestParts _parts = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeBotFrameworkServer.StartAsync();
        _parts = new TeamsTestParts(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static readonly MessageView Hello = new("Hello");

    private async Task KnownAsync(string id, string person, string? serviceUrl)
    {
        await _parts.Identities.LinkAsync(TeamsTestParts.User(id), person, DateTimeOffset.UnixEpoch, CancellationToken.None);
        await _parts.Stores.SaveAsync(new ChatUserInfo(TeamsTestParts.User(id), ServiceUrl: serviceUrl), DateTimeOffset.UnixEpoch, CancellationToken.None);
    }

    [Fact]
    public async Task SendToPerson_OpensTheOneOnOneOnce_AndRemembersIt()
    {
        await KnownAsync("29:tanaka", "tanaka", _server.BaseAddress.AbsoluteUri);

        var first = await _parts.Directory.SendToPersonAsync("tanaka", Hello, CancellationToken.None);
        var second = await _parts.Directory.SendToPersonAsync("tanaka", Hello, CancellationToken.None);

        var message = Assert.IsType<SendOutcome.Delivered>(first).Message;
        Assert.Equal(new ConversationAddress(Platforms.Teams, TeamsTestParts.Tenant, "a:personal:29:tanaka", _server.BaseAddress.AbsoluteUri), message.Conversation);
        Assert.IsType<SendOutcome.Delivered>(second);
        Assert.Single(_server.Requests, r => r.Path == "/v3/conversations");
        Assert.Equal(2, _server.Calls("POST", "/v3/conversations/a%3Apersonal%3A29%3Atanaka/activities").Count);
        Assert.Equal("a:personal:29:tanaka", (await _parts.Stores.FindAsync(TeamsTestParts.User("29:tanaka"), CancellationToken.None))?.PersonalConversationId);
    }

    [Fact]
    public async Task SendToPerson_WithoutATeamsIdentity_IsUnreachable()
    {
        await _parts.Identities.LinkAsync(new ChatUser(Platforms.Slack, "T1", "U1"), "tanaka", DateTimeOffset.UnixEpoch, CancellationToken.None);

        Assert.IsType<SendOutcome.Unreachable>(await _parts.Directory.SendToPersonAsync("tanaka", Hello, CancellationToken.None));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SendToPerson_WhoseServiceUrlWasNeverLearnt_IsUnreachable_AndNothingIsCalled()
    {
        await KnownAsync("29:tanaka", "tanaka", serviceUrl: null);

        Assert.Equal(new SendOutcome.Unreachable("no_service_url"), await _parts.Directory.SendToPersonAsync("tanaka", Hello, CancellationToken.None));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Post_AnsweredOnlyAfterTheClientsTimeout_IsUnknown_AndNeverSentAgain()
    {
        // The connector takes the activity (and shows it) but answers after the client gave up: sending it again,
        // as a passing failure would be, would show it twice.
        var parts = new TeamsTestParts(_server, clientTimeout: TimeSpan.FromSeconds(1));
        _server.Script.Enqueue(new ScriptedResponse(201, new JsonObject { ["id"] = "act-late" }, Delay: TimeSpan.FromSeconds(5)));

        var outcome = await parts.Directory.PostToChannelAsync(Channel(), Hello, CancellationToken.None);

        Assert.IsType<SendOutcome.Unknown>(outcome);
        Assert.Single(_server.Requests, r => r.Method == "POST" && r.Path.EndsWith("/activities", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(403, "MessageWritesBlocked", typeof(SendOutcome.Unreachable))]
    [InlineData(404, "ConversationNotFound", typeof(SendOutcome.Unreachable))]
    [InlineData(500, "InternalError", typeof(SendOutcome.Transient))]
    [InlineData(503, "ServiceUnavailable", typeof(SendOutcome.Transient))]
    public async Task PostToChannel_WhenTheConnectorRefuses_GivesATypedOutcome(int status, string code, Type expected)
    {
        for (var i = 0; i < 2; i++)
        {
            _server.Script.Enqueue(new ScriptedResponse(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code } }));
        }

        var outcome = await _parts.Port.PostAsync(Channel(), Hello, CancellationToken.None);

        Assert.IsType(expected, outcome);
    }

    [Fact]
    public async Task PostToChannel_WhenRateLimitedLongerThanWeWait_IsRateLimitedWithRetryAfter()
    {
        _server.Script.Enqueue(new ScriptedResponse(429, RetryAfterSeconds: 120));

        var outcome = await _parts.Port.PostAsync(Channel(), Hello, CancellationToken.None);

        Assert.Equal(new SendOutcome.RateLimited(TimeSpan.FromSeconds(120)), outcome);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Update_PutsTheViewInPlaceOfTheMessage()
    {
        var message = new MessageRef(Channel(), "act-9");

        Assert.Equal(message, Assert.IsType<SendOutcome.Delivered>(await _parts.Port.UpdateAsync(message, Hello, CancellationToken.None)).Message);
        Assert.Single(_server.Calls("PUT", "/v3/conversations/19%3Achannel%40thread.tacv2/activities/act-9"));
    }

    private ConversationAddress Channel() => new(Platforms.Teams, TeamsTestParts.Tenant, "19:channel@thread.tacv2", _server.BaseAddress.AbsoluteUri);
}
