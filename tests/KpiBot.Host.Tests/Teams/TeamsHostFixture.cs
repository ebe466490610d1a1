using System.Net;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Teams;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using static KpiBot.Host.Tests.Teams.TeamsActivities;

namespace KpiBot.Host.Tests.Teams;

/// <summary>
/// What each Teams host test starts from, made anew for every test: a throwaway database, a fake Bot Framework
/// over HTTPS, and a clock at <c>now</c> (default Monday 2026-11-30, 10:00 in Tokyo, a working day for the sales team). With
/// <c>salesTeam</c> the fake also signs tokens for Teams (<see cref="Token"/>) and lists the sales team's members.
/// The test starts its own <see cref="TeamsHost"/> (<see cref="StartHost"/>), with the settings it needs.
/// </summary>
public abstract class TeamsHostFixture(StorageProvider provider = StorageProvider.Sqlite, bool salesTeam = true, DateTimeOffset? now = null) : IAsyncLifetime
{
    /// <summary>Monday 2026-11-30, 10:00 in Tokyo: a working day for the sales team.</summary>
    protected static readonly DateTimeOffset Monday = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    protected TestDatabase Db { get; private set; } = null!;

    protected FakeBotFrameworkServer Fake { get; private set; } = null!;

    protected FakeTimeProvider Time { get; } = new(now ?? Monday);

    /// <summary>The fake's signing key for Teams tokens (sales-team fixtures only).</summary>
    protected SecurityKey Key { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(provider);
        Fake = await FakeBotFrameworkServer.StartAsync();
        if (salesTeam)
        {
            Key = Fake.AddKey("key-1", "msteams");
            Fake.Members = TeamsActivities.SalesMembers();
        }
    }

    public async Task DisposeAsync()
    {
        await Fake.DisposeAsync();
        await Db.DisposeAsync();
    }

    /// <summary>A Bot Framework token for Teams, minted now by the fake's key.</summary>
    protected string Token() => TestTokens.Mint(Key, Time.GetUtcNow(), serviceUrl: Fake.BaseAddress.AbsoluteUri);

    /// <summary>A host on this fixture's database, fake and clock; <paramref name="settings"/> as <see cref="TeamsHost.Start"/> takes them.</summary>
    internal TeamsHost StartHost(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development") =>
        TeamsHost.Start(Db, Fake, Time, settings, environment);

    /// <summary>The bot is installed in the sales team (its members linked, the welcome sent).</summary>
    internal async Task InstallAsync(TeamsHost host)
    {
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(InstalledInTeam(host.ServiceUrl), Token())).StatusCode);
        await host.SettleAsync();
    }

    /// <summary>The bot is installed in the sales team and Sato starts today's prompts from her 1:1; everything it sent has gone out.</summary>
    internal async Task InstallAndStartPromptsAsync(TeamsHost host)
    {
        await InstallAsync(host);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Personal(host.ServiceUrl, "sato", "start", "m-start"), Token())).StatusCode);
        await host.SettleAsync();
    }

    /// <summary>
    /// <paramref name="person"/> writes <paramref name="text"/> (message id <paramref name="id"/>) in their 1:1 with
    /// the bot; once everything has gone out, the bot's one reply to it.
    /// </summary>
    internal async Task<RecordedRequest> SayAsync(TeamsHost host, string person, string text, string id)
    {
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Personal(host.ServiceUrl, person, text, id), Token())).StatusCode);
        await host.SettleAsync();
        return Assert.Single(Fake.Calls("POST", "/v3/conversations/" + Uri.EscapeDataString(PersonalOf(person)) + "/activities/" + id));
    }

    /// <summary>The one card posted to <paramref name="person"/>'s personal chat.</summary>
    protected RecordedRequest PromptTo(string person) =>
        Assert.Single(Fake.Calls("POST", "/v3/conversations/" + Uri.EscapeDataString("a:personal:" + UserOf(person)) + "/activities"));
}
