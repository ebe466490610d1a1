using KpiBot.Core.Goals;
using KpiBot.Core.GoalsFile;
using KpiBot.Core.Scheduling;
using KpiBot.Core.Tests.GoalsFile;

namespace KpiBot.Core.Tests.Scheduling;

/// <summary>Nobody is asked for KDIs whose goal has not started yet or has ended: there would be no card.</summary>
public class GoalWindowTests
{
    private static readonly GoalsModel Sample = GoalsFileLoader.Load(GoalsYaml.SampleText(), "goals.yaml").Model!;

    [Fact]
    public void Due_BeforeTheTelemarketingGoalStarts_AsksOnlyTheSalesTeam_AndFromItsFirstDayBoth()
    {
        // Monday 2026-11-30 and Tuesday 2027-01-05 (the telemarketing window's first day), whole days in UTC.
        var november = OccurrencePlanner.Due(Sample, new DateTimeOffset(2026, 11, 29, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero));
        var january = OccurrencePlanner.Due(Sample, new DateTimeOffset(2027, 1, 4, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 5, 15, 0, 0, TimeSpan.Zero));

        Assert.DoesNotContain(november, o => o.RecipientId is "kato" or "ito" or "watanabe");
        Assert.Contains(november, o => o.RecipientId == "tanaka" && o.Kind == OccurrenceKind.DailyPrompt);
        Assert.Equal(
            ["ito", "kato", "watanabe"],
            january.Where(o => o.Kind == OccurrenceKind.DailyPrompt && Sample.PeopleById[o.RecipientId].TeamId == "telemarketing").Select(o => o.RecipientId).Order());
    }

    [Fact]
    public void PromptFor_ADayOutsideEveryKdiWindow_IsNull()
    {
        var kato = Sample.PeopleById["kato"];

        Assert.Null(OccurrencePlanner.PromptFor(Sample, kato, new DateOnly(2026, 11, 30), KdiCadence.Daily));
        Assert.NotNull(OccurrencePlanner.PromptFor(Sample, kato, new DateOnly(2027, 1, 5), KdiCadence.Daily));
        Assert.Null(OccurrencePlanner.PromptFor(Sample, kato, new DateOnly(2027, 3, 5), KdiCadence.Daily));
    }
}
