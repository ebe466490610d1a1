using System.Text.Json.Nodes;
using KpiBot.Core.Chat;
using KpiBot.Teams.Activities;
using KpiBot.Testing.Teams;

namespace KpiBot.Teams.Tests.Inbound;

public sealed class TeamsRosterTests : IAsyncLifetime
{
    private const string Team = "19:team@thread.tacv2";
    private FakeBotFrameworkServer _server = null!;
    private TeamsTestParts _parts = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeBotFrameworkServer.StartAsync();
        _parts = new TeamsTestParts(_server);
        _parts.Identities.PeopleByEmail["tanaka@example.co.jp"] = "tanaka";
        _parts.Identities.PeopleByEmail["emily.carter@example.com"] = "emily";
        _parts.Identities.PeopleByEmail["suzuki@example.co.jp"] = "suzuki";
        _server.Members =
        [
            Member("29:tanaka", "Tanaka@Example.co.jp", null),
            Member("29:emily", null, "emily.carter@example.com"),
            Member("29:guest", "guest@elsewhere.example", null),
        ];
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task BotAddedToATeam_LinksEveryPageOfMembers_ByEmailOrUpn_AndWelcomesOnce()
    {
        var installed = Event(new JsonArray(new JsonObject { ["id"] = "28:bot" }));

        await HandleAsync(installed);
        await HandleAsync(installed); // the installationUpdate that comes with it

        Assert.Equal(2, _server.Calls("GET", "/pagedmembers").Count);
        Assert.Equal("tanaka", _parts.Identities.Links[TeamsTestParts.User("29:tanaka")]);
        Assert.Equal("emily", _parts.Identities.Links[TeamsTestParts.User("29:emily")]);
        Assert.False(_parts.Identities.Links.ContainsKey(TeamsTestParts.User("29:guest")));
        var guest = await _parts.Stores.FindAsync(TeamsTestParts.User("29:guest"), CancellationToken.None);
        Assert.Equal((_server.BaseAddress.AbsoluteUri, "guest@elsewhere.example"), (guest?.ServiceUrl, guest?.Email));
        var welcome = Assert.Single(_server.Calls("POST", "/v3/conversations/19%3Ateam%40thread.tacv2/activities"));
        Assert.Contains("KpiBot", welcome.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneJoiningTheTeam_IsLookedUpAndLinked()
    {
        _server.Members.Add(Member("29:suzuki", "suzuki@example.co.jp", null));

        await HandleAsync(Event(new JsonArray(new JsonObject { ["id"] = "29:suzuki" })));

        Assert.Single(_server.Calls("GET", "/members/29%3Asuzuki"));
        Assert.Equal("suzuki", _parts.Identities.Links[TeamsTestParts.User("29:suzuki")]);
        Assert.Empty(_server.Calls("POST", "/activities"));
    }

    [Fact]
    public void SenderSeenAgain_WithNothingNew_IsNotSavedAgain_ButAnyNewOrChangedFieldIs()
    {
        var user = TeamsTestParts.User("29:tanaka");
        var known = new ChatUserInfo(user, "Tanaka", "tanaka@example.co.jp", "Asia/Tokyo", "ja-JP", "https://smba.example/", "a:1on1");

        Assert.False(ChatDirectory.Changes(known, known with { Email = null }));
        Assert.False(ChatDirectory.Changes(known, new ChatUserInfo(user, ServiceUrl: "https://smba.example/")));
        Assert.True(ChatDirectory.Changes(known, known with { Locale = "en-US" }));
        Assert.True(ChatDirectory.Changes(known, new ChatUserInfo(user, ServiceUrl: "https://smba.other.example/")));
        Assert.True(ChatDirectory.Changes(known with { PersonalConversationId = null }, new ChatUserInfo(user, PersonalConversationId: "a:1on1")));
    }

    private async Task HandleAsync(JsonObject json)
    {
        var activity = ActivityParser.Read(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()))!;
        var inbound = Assert.IsType<TeamsInbound.ConversationChanged>(ActivityParser.Parse(activity));
        await _parts.Roster.HandleEventAsync(inbound.Event, activity, CancellationToken.None);
    }

    private JsonObject Event(JsonArray added) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = "f:1",
        ["channelId"] = "msteams",
        ["serviceUrl"] = _server.BaseAddress.AbsoluteUri,
        ["from"] = new JsonObject { ["id"] = "29:admin" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot" },
        ["conversation"] = new JsonObject { ["id"] = Team, ["conversationType"] = "channel", ["tenantId"] = TeamsTestParts.Tenant },
        ["membersAdded"] = added,
        ["channelData"] = new JsonObject { ["team"] = new JsonObject { ["id"] = Team }, ["tenant"] = new JsonObject { ["id"] = TeamsTestParts.Tenant } },
    };

    private static JsonObject Member(string id, string? email, string? upn) => new()
    {
        ["id"] = id,
        ["email"] = email,
        ["userPrincipalName"] = upn ?? email,
    };
}
