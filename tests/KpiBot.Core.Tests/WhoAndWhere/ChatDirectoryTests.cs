using KpiBot.Core.Chat;
using KpiBot.Core.Goals;
using KpiBot.Core.Views;
using KpiBot.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Core.Tests.WhoAndWhere;

/// <summary>Who and where, for every platform in one place: Core's directory and router over scripted platforms.</summary>
public sealed class ChatDirectoryTests
{
    private static readonly MessageView Hello = new("hello");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 1, 6, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemoryDirectory _identities = new(() => null);
    private readonly InMemoryChatAdapterStores _users = new();
    private readonly ScriptedPlatform _slack = new(Platforms.Slack);
    private readonly ScriptedPlatform _teams = new(Platforms.Teams);

    private ChatDirectory Directory() => new(_identities, _users, [_slack, _teams], new ChatMisses(_time), _time);

    private ChatDirectory Router() => new(_identities, _users, [_slack, _teams], new ChatMisses(_time), _time, [_slack, _teams], new InMemoryGoalsProvider(null));

    [Fact]
    public async Task Router_ReachesAPersonOnTheFirstPlatformTheyAreOn_AndChannelsByTheirAddress()
    {
        await _identities.LinkAsync(new ChatUser(Platforms.Teams, "tenant", "29:maria"), "maria", _time.GetUtcNow(), default);
        await _identities.LinkAsync(new ChatUser(Platforms.Slack, "T1", "U1"), "ken", _time.GetUtcNow(), default);
        await _identities.LinkAsync(new ChatUser(Platforms.Teams, "tenant", "29:ken"), "ken", _time.GetUtcNow(), default);
        var router = Router();

        Assert.IsType<SendOutcome.Delivered>(await router.SendToPersonAsync("maria", Hello, default));
        Assert.IsType<SendOutcome.Delivered>(await router.SendToPersonAsync("ken", Hello, default));
        Assert.IsType<SendOutcome.Delivered>(await router.SendToPersonAsync("ken", Hello, default));
        await router.PostToChannelAsync(new ConversationAddress(Platforms.Slack, "T1", "C1"), Hello, default);

        Assert.Equal(["D-29:maria"], _teams.Posts.Select(p => p.ConversationId));
        Assert.Equal(["D-U1", "D-U1", "C1"], _slack.Posts.Select(p => p.ConversationId));   // Slack registered first
        Assert.Equal(1, _slack.Opened);                                                       // the 1:1 is opened once, then remembered
        Assert.Equal(
            new SendOutcome.Unreachable("discord_not_configured"),
            await router.PostToChannelAsync(new ConversationAddress("discord", "x", "y"), Hello, default));
    }

    [Fact]
    public async Task Reach_FindsSomeoneNotLinkedByEmail_LinksThem_AndRemembersAMissForAnHour()
    {
        _slack.ByEmail["new@example.com"] = new ChatUserInfo(new ChatUser(Platforms.Slack, "T1", "UNEW"), Email: "new@example.com", TimeZone: "Asia/Tokyo");
        var directory = Directory();

        var found = await directory.ReachAsync("newcomer", "new@example.com", default);
        var missing = await directory.ReachAsync("nobody", "nobody@example.com", default);
        await directory.ReachAsync("nobody", "nobody@example.com", default);

        Assert.Equal(("D-UNEW", "Asia/Tokyo"), (found.Address!.ConversationId, found.TimeZone));
        Assert.Equal("newcomer", await _identities.FindPersonIdAsync(new ChatUser(Platforms.Slack, "T1", "UNEW"), default));
        Assert.Equal(new SendOutcome.Unreachable("no_chat_identity"), missing.Failure);
        Assert.Equal(2, _slack.EmailLookups.Count(e => e == "nobody@example.com") + _teams.EmailLookups.Count(e => e == "nobody@example.com"));

        _time.Advance(ChatMisses.NotFoundFor + TimeSpan.FromMinutes(1));
        await directory.ReachAsync("nobody", "nobody@example.com", default);
        Assert.Equal(2, _slack.EmailLookups.Count(e => e == "nobody@example.com"));
    }

    [Fact]
    public async Task Reach_WhenThePlatformIsRateLimited_SaysSo_AndRemembersNoMiss()
    {
        _slack.Failure = new SendOutcome.RateLimited(TimeSpan.FromSeconds(3));

        var reach = await Directory().ReachAsync("limited", "limited@example.com", default);
        _slack.Failure = null;
        await Directory().ReachAsync("limited", "limited@example.com", default);

        Assert.Equal(new SendOutcome.RateLimited(TimeSpan.FromSeconds(3)), reach.Failure);
        Assert.Equal(2, _slack.EmailLookups.Count);
    }

    [Fact]
    public async Task Sender_UnknownToThePlatform_CostsOneProfileCallInAWhile_NotOnePerMessage()
    {
        var stranger = new ChatUser(Platforms.Slack, "T1", "UGUEST");
        var directory = Directory();

        for (var i = 0; i < 5; i++)
        {
            Assert.Null((await directory.SenderAsync(stranger, null, default)).PersonId);
            _time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(1, _slack.ProfileCalls);
    }

    [Fact]
    public async Task Sender_WhoseProfileEmailIsAPersons_IsLinkedOnFirstContact()
    {
        var user = new ChatUser(Platforms.Slack, "T1", "UTANAKA");
        _slack.Profiles[user] = new ChatUserInfo(user, Email: "tanaka@example.co.jp", Locale: "ja-JP");
        var identities = new InMemoryDirectory(() => ConversationsSample.Model);
        var directory = new ChatDirectory(identities, _users, [_slack], new ChatMisses(_time), _time);

        var first = await directory.SenderAsync(user, null, default);
        var again = await directory.SenderAsync(user, null, default);

        Assert.Equal(("tanaka", "ja-JP"), (first.PersonId, first.Locale));
        Assert.Equal("tanaka", again.PersonId);
        Assert.Equal(1, _slack.ProfileCalls);
    }

    /// <summary>A platform whose answers the test writes: profiles, people by email, 1:1s opened, posts.</summary>
    private sealed class ScriptedPlatform(string platform) : IChatProfileSource, IChatSender
    {
        public Dictionary<ChatUser, ChatUserInfo> Profiles { get; } = [];

        public Dictionary<string, ChatUserInfo> ByEmail { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<string> EmailLookups { get; } = [];

        public List<ConversationAddress> Posts { get; } = [];

        public int ProfileCalls { get; private set; }

        public int Opened { get; private set; }

        public SendOutcome? Failure { get; set; }

        public string Platform => platform;

        public Task<ChatLookup<ChatUserInfo>> ProfileAsync(ChatUser user, CancellationToken cancellationToken)
        {
            ProfileCalls++;
            return Task.FromResult(Profiles.TryGetValue(user, out var p) ? ChatLookup.Found(p) : ChatLookup.NotFound<ChatUserInfo>());
        }

        public Task<ChatLookup<ChatUserInfo>> FindByEmailAsync(string email, CancellationToken cancellationToken)
        {
            EmailLookups.Add(email);
            return Task.FromResult(
                Failure is { } failure ? ChatLookup.Failed<ChatUserInfo>(failure)
                : ByEmail.TryGetValue(email, out var p) ? ChatLookup.Found(p) : ChatLookup.NotFound<ChatUserInfo>());
        }

        public Task<ChatLookup<ConversationAddress>> OpenPersonalAsync(ChatUserInfo user, CancellationToken cancellationToken)
        {
            Opened++;
            return Task.FromResult(ChatLookup.Found(new ConversationAddress(platform, user.User.TenantId, "D-" + user.User.UserId, user.ServiceUrl ?? "https://smba.example/")));
        }

        public Task<SendOutcome> PostAsync(ConversationAddress conversation, ChatView view, CancellationToken cancellationToken)
        {
            Posts.Add(conversation);
            return Task.FromResult<SendOutcome>(new SendOutcome.Delivered(new MessageRef(conversation, "m" + Posts.Count)));
        }

        public Task<SendOutcome> UpdateAsync(MessageRef message, ChatView view, CancellationToken cancellationToken) =>
            Task.FromResult<SendOutcome>(new SendOutcome.Delivered(message));
    }
}

internal static class ConversationsSample
{
    public static GoalsModel Model => Conversations.ConversationHarness.Sample;
}
