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
}
