using KpiBot.Core.Chat;
using KpiBot.Host.Jobs;
using KpiBot.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Host.Tests.Slack;

public class InboundHousekeepingJobTests
{
    [Fact]
    public async Task Run_ForgetsEventsOlderThanADay_AndKeepsRecentOnes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        var dedupe = new InMemoryChatAdapterStores();
        await dedupe.FirstTimeAsync(Platforms.Slack, "event:old", time.GetUtcNow().AddHours(-25), CancellationToken.None);
        await dedupe.FirstTimeAsync(Platforms.Slack, "event:recent", time.GetUtcNow().AddHours(-1), CancellationToken.None);

        var purged = await new InboundHousekeepingJob(dedupe, time).RunAsync(CancellationToken.None);

        Assert.Equal(1, purged);
        Assert.True(await dedupe.FirstTimeAsync(Platforms.Slack, "event:old", time.GetUtcNow(), CancellationToken.None));
        Assert.False(await dedupe.FirstTimeAsync(Platforms.Slack, "event:recent", time.GetUtcNow(), CancellationToken.None));
    }
}
