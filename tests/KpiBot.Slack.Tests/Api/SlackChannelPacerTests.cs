using KpiBot.Slack.Api;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Slack.Tests.Api;

public sealed class SlackChannelPacerTests
{
    [Fact]
    public async Task WaitTurn_TheSameChannelWithinASecond_Waits_OtherChannelsDoNot()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 1, 6, 8, 0, 0, TimeSpan.Zero));
        var pacer = new SlackChannelPacer(time);

        await pacer.WaitTurnAsync("C1", default);          // first post: at once
        var second = pacer.WaitTurnAsync("C1", default);   // one second later
        var third = pacer.WaitTurnAsync("C1", default);    // two seconds later
        await pacer.WaitTurnAsync("C2", default);          // another channel: at once

        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second;
        Assert.False(third.IsCompleted);
        time.Advance(SlackChannelPacer.Interval);
        await third;

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(pacer.WaitTurnAsync("C1", default).IsCompleted); // idle long enough: at once again
    }
}
