using KpiBot.Core.Goals;

namespace KpiBot.Storage.Tests.Infrastructure;

/// <summary>Deep equality for goals models: records compare by value, sets and lists by content.</summary>
public static class ModelAssert
{
    public static void Equal(GoalsModel expected, GoalsModel actual)
    {
        Assert.Equal(expected.Organization, actual.Organization);

        Assert.Equal(expected.Teams.Select(t => t.Id), actual.Teams.Select(t => t.Id));
        foreach (var (e, a) in expected.Teams.Zip(actual.Teams))
        {
            Assert.True(e.WorkingDays.SetEquals(a.WorkingDays), $"working days of {e.Id}");
            Assert.True(e.ExtraHolidays.SetEquals(a.ExtraHolidays), $"extra holidays of {e.Id}");
            Assert.True(e.ExtraWorkingDays.SetEquals(a.ExtraWorkingDays), $"extra working days of {e.Id}");
            Assert.Equal(e.Channels, a.Channels);
            Assert.Equal(
                e with { WorkingDays = NoWeekdays, ExtraHolidays = NoDays, ExtraWorkingDays = NoDays, Channels = NoChannels },
                a with { WorkingDays = NoWeekdays, ExtraHolidays = NoDays, ExtraWorkingDays = NoDays, Channels = NoChannels });
        }

        Assert.Equal(expected.People, actual.People);

        Assert.Equal(expected.Kgis.Count, actual.Kgis.Count);
        foreach (var (e, a) in expected.Kgis.Zip(actual.Kgis))
        {
            Assert.Equal(e.Contributions, a.Contributions);
            Assert.Equal(e with { Contributions = NoContributions }, a with { Contributions = NoContributions });
        }

        Assert.Equal(expected.Ksfs, actual.Ksfs);

        Assert.Equal(expected.Kpis.Count, actual.Kpis.Count);
        foreach (var (e, a) in expected.Kpis.Zip(actual.Kpis))
        {
            Assert.Equal(e.DerivedFrom is null, a.DerivedFrom is null);
            Assert.Equal(e.Inputs, a.Inputs);
            Assert.Equal(e with { DerivedFrom = null }, a with { DerivedFrom = null });
        }

        Assert.Equal(expected.Kdis, actual.Kdis);
    }

    // Shared instances, so that `with` copies compare equal on everything but the replaced collections.
    private static readonly IReadOnlySet<DayOfWeek> NoWeekdays = new HashSet<DayOfWeek>();
    private static readonly IReadOnlySet<DateOnly> NoDays = new HashSet<DateOnly>();
    private static readonly IReadOnlyList<ChannelLink> NoChannels = [];
    private static readonly IReadOnlyList<KgiContribution> NoContributions = [];
}
