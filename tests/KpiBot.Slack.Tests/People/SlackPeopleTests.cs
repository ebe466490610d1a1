using KpiBot.Core.Chat;
using KpiBot.Core.Goals;
using KpiBot.Core.GoalsFile;
using KpiBot.Slack.Api;
using KpiBot.Slack.People;
using KpiBot.Slack.Tests.BlockKit;
using KpiBot.Testing.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Slack.Tests.People;

/// <summary>
/// The directory sync and the on-demand lookup over in-memory stores, the sample goals and the fake Slack Web
/// API, whose bot token belongs to workspace <see cref="FakeSlackApi.TeamId"/> (its auth.test answer).
/// </summary>
public sealed class SlackPeopleTests : IAsyncLifetime
{
    private const string Team = FakeSlackApi.TeamId;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero));
    private readonly InMemoryChatAdapterStores _adapter = new();
    private InMemoryDirectory _directory = null!;
    private GoalsModel _model = null!;
    private FakeSlackApi _slack = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        var model = _model = GoalsFileLoader.Load(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples", "goals.yaml")), "goals.yaml").Model!;
        _directory = new InMemoryDirectory(() => model);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-test",
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl.ToString(),
        }).Build());
        services.AddSingleton<TimeProvider>(_time);
        services.AddSlack().AddSlackPeople();
        services.AddSingleton<IGoalsProvider>(new InMemoryGoalsProvider(model));
        services.AddSingleton<IIdentityStore>(_directory);
        services.AddSingleton<IChatUserStore>(_adapter).AddSingleton<IChatInstallationStore>(_adapter);
        services.AddSingleton<ChatMisses>().AddScoped<ChatDirectory>().AddScoped<IChatPort>(s => s.GetRequiredService<ChatDirectory>());
        services.AddScoped<SlackChatPort>().AddScoped<IChatSender>(s => s.GetRequiredService<SlackChatPort>());
        services.AddScoped<IChatProfileSource>(s => s.GetRequiredService<SlackProfileSource>());
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Sync_LinksThePeopleOfTheGoalsFile_AndKeepsTheirTimeZones()
    {
        _slack.UsersPageSize = 2; // four pages
        _slack.AddMember(new FakeSlackMember("U0TANAKA", "Tanaka@Example.co.jp", "Asia/Tokyo", "ja-JP", TeamId: Team));
        _slack.AddMember(new FakeSlackMember("U0SUZUKI", "suzuki@example.co.jp", "Europe/Berlin", IsRestricted: true)); // the workspace's guest
        _slack.AddMember(new FakeSlackMember("U0KATO", "kato@example.co.jp", IsBot: true));
        _slack.AddMember(new FakeSlackMember("U0ITO", "ito@example.co.jp", Deleted: true));
        _slack.AddMember(new FakeSlackMember("U0WATANABE", "watanabe@example.co.jp", TeamId: "T0OTHER")); // Slack Connect
        _slack.AddMember(new FakeSlackMember("U0STRANGER", "stranger@example.com"));
        _slack.AddMember(new FakeSlackMember("U0NOEMAIL", null));

        var result = await SyncAsync();

        Assert.Equal(new SlackDirectorySyncResult(1, 7, 2, 2, 0), result);
        Assert.Equal(4, _slack.Of("users.list").Count);
        Assert.Equal("tanaka", await _directory.FindPersonIdAsync(Slack("U0TANAKA"), default));
        Assert.Equal("suzuki", await _directory.FindPersonIdAsync(Slack("U0SUZUKI"), default));
        foreach (var skipped in new[] { "kato", "ito", "watanabe" })
        {
            Assert.Empty(await _directory.IdentitiesOfAsync(skipped, default));
        }

        Assert.Equal(("Asia/Tokyo", "ja-JP", "Tanaka@Example.co.jp"), Profile(await _adapter.FindAsync(Slack("U0TANAKA"), default)));
        Assert.Equal("Europe/Berlin", (await _adapter.FindAsync(Slack("U0SUZUKI"), default))!.TimeZone);
        Assert.Null(await _adapter.FindAsync(Slack("U0STRANGER"), default));
        Assert.Null(await _adapter.FindAsync(Slack("U0KATO"), default));

        // Again: nothing new to link.
        Assert.Equal(new SlackDirectorySyncResult(1, 7, 2, 0, 0), await SyncAsync());
    }

    [Fact]
    public async Task Sync_VisitsEveryWorkspaceInstalledThroughOAuth_AndGoesOnWhenOneFails()
    {
        _slack.AddMember(new FakeSlackMember("U0TANAKA", "tanaka@example.co.jp"));
        await _adapter.SaveAsync(new ChatInstallation(Platforms.Slack, "T0SECOND", "protected", null, null, _time.GetUtcNow()), default);
        await _adapter.SaveAsync(new ChatInstallation(Platforms.Slack, "T0THIRD", "protected", null, null, _time.GetUtcNow()), default);
        _slack.Answer("users.list", 200, """{"ok":true,"members":[{"id":"U0TANAKA","profile":{"email":"tanaka@example.co.jp"}}]}""");
        _slack.Answer("users.list", 200, """{"ok":false,"error":"invalid_auth"}""");

        var result = await SyncAsync();

        Assert.Equal((2, 1), (result.Workspaces, result.Failed));
        Assert.Equal(3, _slack.Of("users.list").Count);
        Assert.Equal(
            [Slack("U0TANAKA"), new ChatUser(Platforms.Slack, "T0THIRD", "U0TANAKA")],
            (await _directory.IdentitiesOfAsync("tanaka", default)).OrderBy(u => u.TenantId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Lookup_LinksSomeoneAddedSinceTheSync_AndRemembersAMissForAnHour()
    {
        _slack.AddMember(new FakeSlackMember("U0JOHN", "john.smith@example.com", "America/Chicago", "en-US"));

        var john = await LookupAsync("john");
        Assert.Equal(Slack("U0JOHN"), john);
        Assert.Equal("john", await _directory.FindPersonIdAsync(john!, default));
        Assert.Equal("America/Chicago", (await _adapter.FindAsync(john!, default))!.TimeZone);

        Assert.Null(await LookupAsync("kato"));
        Assert.Null(await LookupAsync("kato"));
        Assert.Equal(["email=john.smith%40example.com", "email=kato%40example.co.jp"], _slack.Of("users.lookupByEmail").Select(c => c.Body));

        _time.Advance(ChatMisses.NotFoundFor + TimeSpan.FromMinutes(1));
        Assert.Null(await LookupAsync("kato"));
        Assert.Equal(3, _slack.Of("users.lookupByEmail").Count);
    }

    [Fact]
    public async Task Lookup_PassesOverAWorkspaceThatRefuses_AndFindsThePersonInTheNext()
    {
        _slack.AddMember(new FakeSlackMember("U0JOHN", "john.smith@example.com"));
        await _adapter.SaveAsync(new ChatInstallation(Platforms.Slack, "T0SECOND", "protected", null, null, _time.GetUtcNow()), default);
        _slack.Answer("users.lookupByEmail", 200, """{"ok":false,"error":"missing_scope"}""");

        Assert.Equal(new ChatUser(Platforms.Slack, "T0SECOND", "U0JOHN"), await LookupAsync("john"));
        Assert.Equal(2, _slack.Of("users.lookupByEmail").Count);
    }

    [Fact]
    public async Task ChatPort_SendsToAPersonItFindsByEmail_AndAnswersUnreachableForOneNotInSlack()
    {
        _slack.AddMember(new FakeSlackMember("U0JOHN", "john.smith@example.com"));
        await using var scope = _services.CreateAsyncScope();
        var port = scope.ServiceProvider.GetRequiredService<IChatPort>();

        var delivered = Assert.IsType<SendOutcome.Delivered>(await port.SendToPersonAsync("john", SampleViews.Prompt(), default));
        Assert.Equal(new ConversationAddress(Platforms.Slack, Team, "DU0JOHN"), delivered.Message.Conversation);
        Assert.Equal(new SendOutcome.Unreachable("no_chat_identity"), await port.SendToPersonAsync("kato", SampleViews.Prompt(), default));

        _slack.Answer("users.lookupByEmail", 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: "20");
        Assert.Equal(new SendOutcome.RateLimited(TimeSpan.FromSeconds(20)), await port.SendToPersonAsync("ito", SampleViews.Prompt(), default));
    }

    private static ChatUser Slack(string userId) => new(Platforms.Slack, Team, userId);

    private static (string?, string?, string?) Profile(ChatUserInfo? info) => (info?.TimeZone, info?.Locale, info?.Email);

    private async Task<SlackDirectorySyncResult> SyncAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SlackDirectorySync>().RunAsync(default);
    }

    private async Task<ChatUser?> LookupAsync(string personId)
    {
        await using var scope = _services.CreateAsyncScope();
        var reach = await scope.ServiceProvider.GetRequiredService<ChatDirectory>().ReachAsync(personId, _model.PeopleById[personId].Email, default);
        return reach.Address is null ? null : (await _directory.IdentitiesOfAsync(personId, default)).Last(u => u.Platform == Platforms.Slack);
    }
}
