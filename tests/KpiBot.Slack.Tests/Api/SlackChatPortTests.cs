using KpiBot.Core.Chat;
using KpiBot.Core.Views;
using KpiBot.Slack.Api;
using KpiBot.Slack.Tests.BlockKit;
using KpiBot.Testing.Fakes;
using KpiBot.Slack.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KpiBot.Slack.Tests.Api;

public sealed class SlackChatPortTests : IAsyncLifetime, IDisposable
{
    private static readonly ConversationAddress Channel = new("slack", "T1", "C0SALES");
    private readonly HttpClient _http = new();
    private readonly InMemoryDirectory _directory = new(() => null);
    private readonly InMemoryChatAdapterStores _users = new();
    private FakeSlackApi _slack = null!;
    private SlackChatPort _port = null!;
    private ChatDirectory _router = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        var client = new SlackApiClient(_http, Options.Create(new SlackOptions { BotToken = "xoxb-test-token", ApiBaseUrl = _slack.BaseUrl }), new ConfiguredSlackTokens(Options.Create(new SlackOptions { BotToken = "xoxb-test-token", ApiBaseUrl = _slack.BaseUrl })));
        _port = new SlackChatPort(client);
        var workspaces = new SlackWorkspaces(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<SlackWorkspaces>.Instance);
        _router = new ChatDirectory(
            _directory, _users, [new SlackProfileSource(client, workspaces, NullLogger<SlackProfileSource>.Instance)], new ChatMisses(TimeProvider.System), TimeProvider.System,
            [_port], new InMemoryGoalsProvider(null));
        await _directory.LinkAsync(new ChatUser("slack", "T1", "U0ALICE"), "alice", DateTimeOffset.UnixEpoch, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task SendToPerson_OpensTheirDmAndPostsTheRenderedPrompt()
    {
        var outcome = await _router.SendToPersonAsync("alice", SampleViews.Prompt(), CancellationToken.None);

        var delivered = Assert.IsType<SendOutcome.Delivered>(outcome);
        Assert.Equal(new MessageRef(new ConversationAddress("slack", "T1", "DU0ALICE"), "1700000000.000001"), delivered.Message);
        var post = _slack.Single("chat.postMessage");
        Assert.Equal("DU0ALICE", post.Json["channel"]!.GetValue<string>());
        Assert.Equal(SampleViews.Prompt().Text, post.Json["text"]!.GetValue<string>());
        Assert.Equal("actions", post.Json["blocks"]![3]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_AnsweredOnlyAfterTheClientsTimeout_IsUnknown_AndNotRepeated()
    {
        // Slack took the post (and usually shows it) but answered after the client gave up.
        _http.Timeout = TimeSpan.FromSeconds(1);
        _slack.Delay("chat.postMessage", TimeSpan.FromSeconds(5));

        var outcome = await _router.PostToChannelAsync(Channel, new MessageView("hi"), CancellationToken.None);

        Assert.IsType<SendOutcome.Unknown>(outcome);
        Assert.Single(_slack.Calls, c => c.Method == "chat.postMessage");
    }

    [Fact]
    public async Task SendToPerson_AgainLater_UsesTheKeptDmChannel_OneCallAPrompt()
    {
        await _router.SendToPersonAsync("alice", SampleViews.Prompt(), CancellationToken.None);
        await _router.SendToPersonAsync("alice", SampleViews.Prompt(), CancellationToken.None);

        Assert.Single(_slack.Calls, c => c.Method == "conversations.open");
        Assert.Equal(2, _slack.Calls.Count(c => c.Method == "chat.postMessage"));
        Assert.Equal("DU0ALICE", (await _users.FindAsync(new ChatUser("slack", "T1", "U0ALICE"), CancellationToken.None))!.PersonalConversationId);
    }

    [Fact]
    public async Task Send_ToAWorkspaceWithoutAToken_IsUnreachableAndCallsNothing()
    {
        var client = new SlackApiClient(_http, Options.Create(new SlackOptions { ApiBaseUrl = _slack.BaseUrl }), new NoTokens());
        var port = new SlackChatPort(client);

        Assert.Equal(new SendOutcome.Unreachable("not_configured"), await port.PostAsync(Channel, new MessageView("hi"), CancellationToken.None));
        Assert.Empty(_slack.Calls);
    }

    private sealed class NoTokens : ISlackTokenSource
    {
        public ValueTask<string?> BotTokenAsync(string teamId, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
    }

    [Fact]
    public async Task SendToPerson_WithoutASlackIdentity_IsUnreachableAndCallsNothing()
    {
        var outcome = await _router.SendToPersonAsync("bob", new MessageView("hi"), CancellationToken.None);

        Assert.IsType<SendOutcome.Unreachable>(outcome);
        Assert.Empty(_slack.Calls);
    }

    [Fact]
    public async Task PostToChannel_ALongDigest_PostsEveryPartAndReturnsTheFirst()
    {
        var digest = new DigestView("Digest", "Sales", "sales", new DateOnly(2026, 11, 23), [], [.. Enumerable.Range(0, 60).Select(i => new ViewSection($"S{i}", ["x"]))]);

        var delivered = Assert.IsType<SendOutcome.Delivered>(await _port.PostAsync(Channel, digest, CancellationToken.None));

        Assert.Equal(3, _slack.Calls.Count(c => c.Method == "chat.postMessage"));
        Assert.Equal(new MessageRef(Channel, "1700000000.000001"), delivered.Message);
    }

    [Fact]
    public async Task Update_ReplacesTheMessageWithTheReceipt()
    {
        var message = new MessageRef(new ConversationAddress("slack", "T1", "D1"), "1.2");

        var outcome = await _port.UpdateAsync(message, SampleViews.Receipt(), CancellationToken.None);

        Assert.Equal(new SendOutcome.Delivered(message), outcome);
        var call = _slack.Single("chat.update");
        Assert.Equal(("D1", "1.2"), (call.Json["channel"]!.GetValue<string>(), call.Json["ts"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Post_WhenRateLimited_IsRateLimitedForRetryAfter()
    {
        _slack.Answer("chat.postMessage", 429, "{}", retryAfter: "7");

        Assert.Equal(new SendOutcome.RateLimited(TimeSpan.FromSeconds(7)), await _port.PostAsync(Channel, new MessageView("hi"), CancellationToken.None));
    }

    [Theory]
    [InlineData(200, """{"ok":false,"error":"channel_not_found"}""", typeof(SendOutcome.Unreachable))]
    [InlineData(200, """{"ok":false,"error":"account_inactive"}""", typeof(SendOutcome.Unreachable))]
    [InlineData(200, """{"ok":false,"error":"ratelimited"}""", typeof(SendOutcome.RateLimited))]
    [InlineData(200, """{"ok":false,"error":"service_unavailable"}""", typeof(SendOutcome.Transient))]
    [InlineData(503, "", typeof(SendOutcome.Transient))]
    public async Task Post_WhenSlackRefuses_ReturnsATypedOutcome(int status, string body, Type expected)
    {
        _slack.Answer("chat.postMessage", status, body);

        Assert.IsType(expected, await _port.PostAsync(Channel, new MessageView("hi"), CancellationToken.None));
    }

    [Fact]
    public async Task Post_WhenSlackIsDown_IsTransient()
    {
        var deadBase = _slack.BaseUrl;
        await _slack.DisposeAsync();
        var client = new SlackApiClient(_http, Options.Create(new SlackOptions { BotToken = "xoxb-test-token", ApiBaseUrl = deadBase }), new ConfiguredSlackTokens(Options.Create(new SlackOptions { BotToken = "xoxb-test-token", ApiBaseUrl = deadBase })));
        var port = new SlackChatPort(client);

        Assert.IsType<SendOutcome.Transient>(await port.PostAsync(Channel, new MessageView("hi"), CancellationToken.None));
        _slack = await FakeSlackApi.StartAsync();
    }
}
