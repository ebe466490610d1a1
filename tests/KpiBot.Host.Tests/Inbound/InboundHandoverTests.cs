using KpiBot.Core.Chat;
using KpiBot.Host.Inbound;
using KpiBot.Host.Tests.Teams;
using Microsoft.Extensions.DependencyInjection;
using static KpiBot.Host.Tests.Teams.TeamsActivities;

namespace KpiBot.Host.Tests.Inbound;

/// <summary>
/// What a stopping host hands over is a Hangfire job that a running host picks up and does as the queue would
/// have: here a Teams message that was answered 200 but not handled yet gets its reply from the job.
/// </summary>
public sealed class InboundHandoverTests() : TeamsHostFixture(salesTeam: false)
{
    [Fact]
    public async Task HandedOverTeamsMessage_IsRunByTheDurableJob_AndAnsweredOnce()
    {
        await using var host = StartHost();
        var activity = Personal(host.ServiceUrl, "sato", "help", "m-handed").ToJsonString();

        host.Services.GetRequiredService<IInboundHandover>().HandOver(Platforms.Teams, "activity", activity);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (Fake.Calls("POST", "/activities/m-handed").Count == 0)
        {
            await Task.Delay(100, timeout.Token);
        }

        await host.SettleAsync();
        Assert.Single(Fake.Calls("POST", "/activities/m-handed"));
    }
}
