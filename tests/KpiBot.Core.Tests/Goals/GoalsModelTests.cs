using KpiBot.Core.Goals;
using KpiBot.Core.GoalsFile;
using KpiBot.Core.Tests.GoalsFile;

namespace KpiBot.Core.Tests.Goals;

public class GoalsModelTests
{
    private static readonly GoalsModel Sample = GoalsFileLoader.Load(GoalsYaml.SampleText(), "goals.yaml").Model!;

    [Fact]
    public void WithTargets_ReplacesTheNamedTargets_AndKeepsTheRest()
    {
        var past = Sample.WithTargets(new Dictionary<string, decimal>
        {
            ["annual-sales"] = 80_000_000m,
            ["meetings"] = 25m,
            ["daily-calls"] = 15m,
            ["no-such-node"] = 1m,
        });

        Assert.Equal(80_000_000m, ((Kgi)past.NodesById["annual-sales"]).Target);
        Assert.Equal(25m, ((Kpi)past.NodesById["meetings"]).Target);
        Assert.Equal(15m, ((Kdi)past.NodesById["daily-calls"]).Target);
        Assert.Equal(((Kdi)Sample.NodesById["calls"]).Target, ((Kdi)past.NodesById["calls"]).Target);
        Assert.Equal(100_000_000m, ((Kgi)Sample.NodesById["annual-sales"]).Target);
        Assert.Equal(Sample.Kdis.Count, past.KdisOf("meetings").Count() + past.Kdis.Count(k => k.KpiId != "meetings"));
        Assert.Equal(Sample.People, past.People);
    }

    [Fact]
    public void WithChatProfiles_ZoneIsFileThenChatThenTeam_LanguageIsChatThenFileThenTeam()
    {
        var withZone = Sample.People.First(p => p.TimeZone is not null);
        var withoutZone = Sample.People.First(p => p.TimeZone is null);
        var profiled = Sample.WithChatProfiles(new Dictionary<string, ChatProfile>
        {
            [withZone.Id] = new("America/New_York", "en-US"),
            [withoutZone.Id] = new("America/New_York", "ja-JP"),
            ["no-such-person"] = new("Europe/Paris", "en"),
        });

        Assert.Equal(withZone.TimeZone, KpiBot.Core.Calendar.Zones.ZoneOf(profiled.PeopleById[withZone.Id], profiled));
        Assert.Equal("America/New_York", KpiBot.Core.Calendar.Zones.ZoneOf(profiled.PeopleById[withoutZone.Id], profiled));
        Assert.Equal(Sample.TeamsById[withoutZone.TeamId].TimeZone, KpiBot.Core.Calendar.Zones.ZoneOf(withoutZone, Sample));
        Assert.Equal("en", Languages.For(profiled.PeopleById[withZone.Id], profiled).TwoLetterISOLanguageName);
        Assert.Equal("ja", Languages.For(profiled.PeopleById[withoutZone.Id], profiled).TwoLetterISOLanguageName);
        Assert.Equal("en", Languages.For(profiled.PeopleById[withoutZone.Id], profiled, chatLocale: "en-GB").TwoLetterISOLanguageName);
        Assert.Equal(Sample.People.Count, profiled.People.Count);
    }

    [Fact]
    public void WithChatProfiles_AZoneThatIsNotIana_IsIgnored()
    {
        var person = Sample.People.First(p => p.TimeZone is null);
        var profiled = Sample.WithChatProfiles(new Dictionary<string, ChatProfile> { [person.Id] = new("Mars/Olympus_Mons", null) });

        Assert.Null(profiled.PeopleById[person.Id].ChatTimeZone);
        Assert.Equal(Sample.TeamsById[person.TeamId].TimeZone, KpiBot.Core.Calendar.Zones.ZoneOf(profiled.PeopleById[person.Id], profiled));
    }
}
