using System.Net;
using System.Text.Json.Nodes;
using KpiBot.Host.Tests.Hostile;
using KpiBot.Host.Tests.Teams;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Fakes;
using KpiBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using static KpiBot.Host.Tests.Teams.TeamsActivities;

namespace KpiBot.Host.Tests.Security;

/// <summary>
/// A single-tenant bot (<c>Teams:TenantId</c>) serves its own tenant only: another tenant that installs it, whose
/// members carry our people's email addresses, asks for status, submits a check-in or presses a card's button with a
/// valid Bot Framework token is refused — nothing linked, stored or answered — while the same activities from the own
/// tenant are taken.
/// </summary>
public sealed class TeamsTenantIsolationTests : IAsyncLifetime
{
    private const string OtherTenant = "tenant-other-organisation";
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Monday);
    private TestDatabase _db = null!;
    private FakeBotFrameworkServer _fake = null!;
    private SecurityKey _key = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        _fake = await FakeBotFrameworkServer.StartAsync();
        _key = _fake.AddKey("key-1", "msteams");
        _fake.Members = SalesMembers();
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task AnotherTenant_InstallStatusCheckInAndCardAction_AreRefused_NothingStoredOrSent_WhileTheOwnTenantIsServed()
    {
        await using var host = TeamsHost.Start(_db, _fake, _time);
        var url = host.ServiceUrl;
        var token = TestTokens.Mint(_key, _time.GetUtcNow(), serviceUrl: url);
        JsonObject[] Activities() =>
        [
            InstalledInTeam(url),
            Personal(url, "sato", "status", "m-status"),
            Submit(url, "tanaka", PersonalOf("tanaka"), "act-0", Answer("tanaka"), "m-submit"),
            Execute(url, "suzuki", PersonalOf("suzuki"), "act-1", Answer("suzuki"), "m-execute"),
        ];
        var before = await StoredRows.ReadAsync(host.Services);

        foreach (var activity in Activities())
        {
            var response = await host.PostAsync(InTenant(activity, OtherTenant), token);
            Assert.Equal(((string?)activity["id"], HttpStatusCode.Forbidden), ((string?)activity["id"], response.StatusCode));
        }

        // An activity that names no tenant at all is not the own tenant's either.
        var unnamed = Personal(url, "sato", "status", "m-unnamed");
        unnamed["conversation"]!.AsObject().Remove("tenantId");
        unnamed.Remove("channelData");
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(unnamed, token)).StatusCode);

        await host.SettleAsync();
        Assert.Equal(before, await StoredRows.ReadAsync(host.Services));
        Assert.Empty(_fake.Requests);
        Assert.True((await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode);

        // The same activities from the own tenant are taken: the refusals above were about the tenant alone.
        foreach (var activity in Activities())
        {
            Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(activity, token)).StatusCode);
            await host.SettleAsync();
        }

        var after = await StoredRows.ReadAsync(host.Services);
        Assert.True(after.Identities > before.Identities && after.CheckIns > before.CheckIns, after.ToString());
        Assert.NotEmpty(_fake.Calls("POST", "/activities/m-status"));
    }

    /// <summary>
    /// A multi-tenant bot (no <c>Teams:TenantId</c>) cannot tell its organisation's tenant from another that installed
    /// an app with its id: it serves every tenant, as docs/teams.md says, and says so at every start with a warning
    /// that recommends a single-tenant registration.
    /// </summary>
    [Fact]
    public async Task WithoutTenantId_AnotherTenantIsServed_AndEveryStartWarnsToSetIt()
    {
        var logs = new RecordingLoggerProvider();
        await using var host = TeamsHost.Start(
            _db, _fake, _time, new Dictionary<string, string?> { ["Teams:TenantId"] = null }, services: s => s.AddSingleton<ILoggerProvider>(logs));
        var url = host.ServiceUrl;
        var token = TestTokens.Mint(_key, _time.GetUtcNow(), serviceUrl: url);

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(InTenant(InstalledInTeam(url), OtherTenant), token)).StatusCode);
        await host.SettleAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(InTenant(Personal(url, "sato", "status", "m-status"), OtherTenant), token)).StatusCode);
        await host.SettleAsync();

        Assert.NotEmpty(_fake.Calls("POST", "/activities/m-status"));
        var warning = Assert.Single(logs.Lines, l => l.EventId == 204);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("set Teams:TenantId", warning.Text, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l => l.EventId == 202 && l.Text.Contains("(multi-tenant)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithTenantId_NoWarning()
    {
        var logs = new RecordingLoggerProvider();
        await using var host = TeamsHost.Start(_db, _fake, _time, services: s => s.AddSingleton<ILoggerProvider>(logs));
        Assert.True((await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode);
        Assert.Contains(logs.Lines, l => l.EventId == 202 && l.Text.Contains("(single-tenant ", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.EventId == 204);
    }

    private static JsonObject InTenant(JsonObject activity, string tenant)
    {
        activity["conversation"]!["tenantId"] = tenant;
        if (activity["channelData"] is JsonObject channelData)
        {
            channelData["tenant"] = new JsonObject { ["id"] = tenant };
        }

        return activity;
    }

    private static JsonObject Answer(string person) => new()
    {
        ["kpibot"] = "checkin",
        ["action"] = "submit",
        ["occurrence"] = $"DailyPrompt:{person}:2026-11-30",
        ["workDay"] = "2026-11-30",
        ["cardVersion"] = 1,
        ["personId"] = person,
        ["kdi:daily-calls"] = "20",
        ["kdi:intro-emails"] = "3",
    };
}
