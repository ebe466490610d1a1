using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;
using KpiBot.Core.GoalsFile;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Tests.GoalsFile;

public class SampleFileTests
{
    private static readonly GoalsLoadResult Result = GoalsFileLoader.Load(GoalsYaml.SampleText(), "samples/goals.yaml");

    [Fact]
    public void Sample_LoadsWithoutErrors()
    {
        Assert.False(Result.HasErrors, string.Join("\n", Result.Errors.Select(e => e.ToString())));
        var model = Assert.IsType<GoalsModel>(Result.Model);
        Assert.Equal(["sales", "telemarketing"], model.Teams.Select(t => t.Id));
        Assert.Equal(["annual-sales", "dormant-revenue"], model.Kgis.Select(k => k.Id));
        Assert.Equal(100_000_000m, model.Kgis[0].Target);
        Assert.Equal(3, model.MembersOf("telemarketing").Count(p => p.Role == Role.Rep));
        Assert.Equal(0.20m, ((Kpi)model.NodesById["repeat-rate"]).Target);
        Assert.Equal(Aggregation.Ratio, ((Kpi)model.NodesById["repeat-rate"]).Aggregation);
        Assert.Equal([new KpiInput("calls", 0.05m)], ((Kpi)model.NodesById["appointments"]).Inputs);
    }

    [Fact]
    public void Sample_HasPeopleInBothLanguagesAndAnotherTimeZone()
    {
        var model = Result.Model!;
        var emily = model.PeopleById["emily"];
        Assert.Equal(("America/New_York", "en", Role.Rep), (emily.TimeZone, emily.Locale, emily.Role));
        Assert.Contains(model.People, p => p.Role == Role.Admin);
        Assert.Equal("ja", model.Organization.Locale);
    }

    [Fact]
    public void Sample_TelemarketingWindowHasFortyJapaneseWorkingDays()
    {
        // 2027-01-05 (Tue) .. 2027-03-04 (Thu): 43 weekdays, minus Coming of Age Day (Jan 11),
        // National Foundation Day (Feb 11) and the Emperor's Birthday (Feb 23) = 40.
        var calendar = WorkCalendar.For(Result.Model!.TeamsById["telemarketing"]);

        Assert.True(calendar.IsPublicHoliday(new DateOnly(2027, 1, 11)));
        Assert.True(calendar.IsPublicHoliday(new DateOnly(2027, 2, 11)));
        Assert.True(calendar.IsPublicHoliday(new DateOnly(2027, 2, 23)));
        Assert.Equal(40, calendar.CountWorkingDays(new DateOnly(2027, 1, 5), new DateOnly(2027, 3, 4)));
    }

    [Fact]
    public void Sample_WarnsThatTheTelemarketingTargetsExceedCapacity()
    {
        // 3 reps × 30 calls/day × 40 working days = 3,600 calls < 10,000; × 5 % = 180 appointments < 500;
        // a day: 3 reps × 30 = 90 calls < 250.
        Assert.Equal(
            [
                "samples/goals.yaml:148: warning KPB101: KPI dormant-calls: target 10,000 calls is not achievable by 2027-03-04; at most 3,600 (3 reps × 30 calls/day × 40 working days).",
                "samples/goals.yaml:157: warning KPB101: KPI appointments: target 500 appointments is not achievable by 2027-03-04; at most 180 (3 reps × 30 calls/day × 40 working days × 0.05).",
                "samples/goals.yaml:207: warning KPB102: KDI calls: the team target of 250 calls a day is more than its reps can do; at most 90 (3 reps × 30 calls/day).",
            ],
            Result.Diagnostics.Select(d => d.Format(Localized.English)));
    }

    [Fact]
    public void Sample_WarningsReadInJapanese()
    {
        Assert.Equal(
            "KPI dormant-calls: 目標 10,000 calls は 2027-03-04 までに達成できません。最大 3,600（3人 × 30 calls/日 × 40営業日）。",
            Result.Diagnostics[0].Message(Localized.Japanese));
    }
}
