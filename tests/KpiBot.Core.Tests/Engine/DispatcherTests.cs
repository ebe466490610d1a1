using KpiBot.Core.Views;

namespace KpiBot.Core.Tests.Engine;

public class DispatcherTests
{
    private static readonly DateTimeOffset Monday0800 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);   // 17:00 JST

    [Fact]
    public async Task AfterDowntime_SendsWhatIsStillInsideTheCatchUpWindow_AndNothingStale()
    {
        var world = new EngineWorld(Monday0800);
        await world.TickAsync();   // the last run before the outage (it sends the lead's 16:00 JST ask for November's results)
        var before = world.Chat.Sent.Count;

        // Down for six hours: the 17:30 JST prompts (08:30Z) are 5½ h old, beyond the 4 h catch-up;
        // the 19:30 JST reminders (10:30Z) are 3½ h old and still useful — they carry the card.
        world.Time.Advance(TimeSpan.FromHours(6));
        var run = await world.Dispatcher.RunAsync(CancellationToken.None);
        await world.SendQueuedAsync();

        // (The telemarketing reps are not asked at all: their goal only starts in January.)
        Assert.Equal(2, run.Claimed);
        var sent = world.Chat.Sent.Skip(before).ToList();
        Assert.Equal(["suzuki", "tanaka"], sent.Select(m => m.PersonId).Order());
        Assert.All(sent, m => Assert.IsType<ReminderView>(m.View));
        Assert.DoesNotContain(world.Deliveries.All, d => d.Occurrence.Kind == KpiBot.Core.Scheduling.OccurrenceKind.DailyPrompt);
    }

    [Fact]
    public async Task RunningAgainAndAgain_ClaimsEachOccurrenceOnce()
    {
        var world = new EngineWorld(Monday0800.AddMinutes(31));

        var first = await world.Dispatcher.RunAsync(CancellationToken.None);
        var second = await world.Dispatcher.RunAsync(CancellationToken.None);
        world.Time.Advance(TimeSpan.FromMinutes(1));
        var third = await world.Dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal(3, first.Claimed);   // tanaka and suzuki at 17:30 JST, and the lead's 16:00 JST ask for November's results
        Assert.Equal(0, second.Claimed + third.Claimed);
        Assert.Equal(3, world.Deliveries.Drain().Count);
    }
}
