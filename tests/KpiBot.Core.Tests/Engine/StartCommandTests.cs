using KpiBot.Core.Goals;
using KpiBot.Core.Scheduling;
using KpiBot.Core.Views;

namespace KpiBot.Core.Tests.Engine;

/// <summary><c>start</c> sends what the schedule would send today: the weekly prompt too, on the team's weekly day.</summary>
public class StartCommandTests
{
    [Fact]
    public async Task Start_OnTheWeeklyDay_SendsTheWeeklyPromptToo_EachOnTheirOwnToday()
    {
        // Friday 27 November 2026, 10:00 in Tokyo (the sales team's weekly day); 20:00 on Thursday in New York.
        var world = new EngineWorld(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));

        await world.SayAsync("sato", "start");
        await world.SendQueuedAsync();

        Assert.Equal(
            [
                "DailyPrompt:emily:2026-11-26", "DailyPrompt:suzuki:2026-11-27", "DailyPrompt:tanaka:2026-11-27",
                "WeeklyPrompt:suzuki:2026-11-23", "WeeklyPrompt:tanaka:2026-11-23",
            ],
            world.Deliveries.All.Select(d => d.Occurrence.Key).Order(StringComparer.Ordinal));
        var tanaka = world.Chat.To("tanaka").Select(m => Assert.IsType<CheckInPromptView>(m.View)).ToList();
        Assert.Equal([KdiCadence.Daily, KdiCadence.Weekly], tanaka.Select(p => p.Cadence).Order());

        // The schedule's own weekly prompt at 16:00 is not sent again.
        await world.RunUntilAsync(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, world.Chat.To("tanaka").Count(m => m.View is CheckInPromptView));
    }

    [Fact]
    public async Task Start_OnAnotherDay_SendsOnlyTheDailyPrompt()
    {
        // Thursday 26 November, 10:00 in Tokyo.
        var world = new EngineWorld(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));

        await world.SayAsync("sato", "start");

        Assert.DoesNotContain(world.Deliveries.All, d => d.Occurrence.Kind == OccurrenceKind.WeeklyPrompt);
        Assert.Contains(world.Deliveries.All, d => d.Occurrence.Key == "DailyPrompt:tanaka:2026-11-26");
    }
}
