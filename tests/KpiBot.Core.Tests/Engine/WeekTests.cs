using KpiBot.Testing.Engine;

namespace KpiBot.Core.Tests.Engine;

/// <summary>The week scenario (tests/KpiBot.Testing/Engine/WeekScenario.cs) on the in-memory engine.</summary>
public class WeekTests
{
    [Fact]
    public Task AWeekOfCheckIns_InMemory_PromptsRemindsReportsAndDigestsAsAPersonWouldExpect() =>
        WeekScenario.RunAsync(new EngineWorld(WeekScenario.Start));
}
