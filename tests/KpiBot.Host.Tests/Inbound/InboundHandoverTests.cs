using KpiBot.Core.Chat;
using KpiBot.Host.Inbound;
using KpiBot.Host.Tests.Teams;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static KpiBot.Host.Tests.Teams.TeamsActivities;

namespace KpiBot.Host.Tests.Inbound;

/// <summary>
/// What a stopping host hands over is a Hangfire job that a running host picks up and does as the queue would
/// have: here a Teams message that was answered 200 but not handled yet gets its reply from the job.
/// </summary>
public sealed class InboundHandoverTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private FakeBotFrameworkServer _fake = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        _fake = await FakeBotFrameworkServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task HandedOverTeamsMessage_IsRunByTheDurableJob_AndAnsweredOnce()
    {
        await using var host = TeamsHost.Start(_db, _fake, _time);
        var activity = Personal(host.ServiceUrl, "sato", "help", "m-handed").ToJsonString();

        host.Services.GetRequiredService<IInboundHandover>().HandOver(Platforms.Teams, "activity", activity);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (_fake.Calls("POST", "/activities/m-handed").Count == 0)
        {
            await Task.Delay(100, timeout.Token);
        }

        await host.SettleAsync();
        Assert.Single(_fake.Calls("POST", "/activities/m-handed"));
    }
}
