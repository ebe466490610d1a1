using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using YamlDotNet.RepresentationModel;

namespace KpiBot.Core.GoalsFile;

/// <summary>Reads one item of <c>kgis:</c> or <c>ksfs:</c>.</summary>
internal static class KgiSection
{
    private static readonly string[] Keys =
        ["id", "title", "target", "unit", "whole", "start", "deadline", "baseline", "owner", "rollup", "from", "reported_by", "report_every"];
    private static readonly string[] FromKeys = ["kpi", "weight"];
    private static readonly string[] KsfKeys = ["id", "title", "kgi"];

    public static Parsed<Kgi>? Read(YamlNode node, ParseContext context)
    {
        var map = MappingReader.OpenElement(node, Keys, nameof(GoalsFileText.Kind_Kgi), context);
        if (map is null)
        {
            return null;
        }

        var id = map.Id();
        map.What = Elements.Named(nameof(GoalsFileText.Kind_Kgi), id);
        var title = map.String("title", required: true, Smart.Specific) ?? string.Empty;
        var target = map.Number("target", required: true, positive: true, Smart.Measurable) ?? 0m;
        var (unit, unitNames) = map.Unit("unit", Smart.Measurable) ?? (string.Empty, null);
        var whole = map.Flag("whole");
        var start = map.Date("start", required: true, Smart.TimeBound);
        var deadline = map.Date("deadline", required: true, Smart.TimeBound);
        Windows.CheckOrder(map, context, start, "start", deadline, "deadline");
        var baseline = map.Number("baseline");
        var owner = map.Id("owner", required: false);
        var rollup = map.Choice("rollup", Choices.Rollups) ?? KgiRollup.Sum;
        var contributions = new List<KgiContribution>();
        foreach (var (item, index) in map.List("from").Select((item, index) => (item, index)))
        {
            var from = MappingReader.Open(item, FromKeys, LocalText.Of(nameof(GoalsFileText.Element_Key), "from", map.What), context);
            var kpi = from?.Id("kpi");
            if (from is null || kpi is null)
            {
                continue;
            }

            map.Remember($"from[{index}]", from.At("kpi"));
            contributions.Add(new KgiContribution(kpi, from.Number("weight", positive: true) ?? 1m));
        }

        var reporting = ReportingSection.Read(map, context, implied: null, PeriodKind.Month);
        return map.Result(new Kgi(
            id ?? string.Empty, title, target, unit, start ?? DateOnly.MinValue, deadline ?? DateOnly.MaxValue,
            owner, rollup, contributions, baseline, map.Location, reporting, unitNames, whole));
    }

    public static Parsed<Ksf>? ReadKsf(YamlNode node, ParseContext context)
    {
        var map = MappingReader.OpenElement(node, KsfKeys, nameof(GoalsFileText.Kind_Ksf), context);
        if (map is null)
        {
            return null;
        }

        var id = map.Id();
        map.What = Elements.Named(nameof(GoalsFileText.Kind_Ksf), id);
        var title = map.String("title", required: true, Smart.Specific) ?? string.Empty;
        var kgi = map.Id("kgi", required: true, Smart.Relevant);
        return map.Result(new Ksf(id ?? string.Empty, title, kgi ?? string.Empty, map.Location));
    }
}
