using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using YamlDotNet.RepresentationModel;

namespace KpiBot.Core.GoalsFile;

/// <summary>Reads one item of <c>kdis:</c>. A KDI without <c>team</c> belongs to its KPI's owner team (filled in later).</summary>
internal static class KdiSection
{
    private static readonly string[] Keys =
        ["id", "title", "kpi", "target", "unit", "whole", "cadence", "team", "per", "conversion_rate", "capacity_per_day"];

    public static Parsed<Kdi>? Read(YamlNode node, ParseContext context)
    {
        var map = MappingReader.OpenElement(node, Keys, nameof(GoalsFileText.Kind_Kdi), context);
        if (map is null)
        {
            return null;
        }

        var id = map.Id();
        map.What = Elements.Named(nameof(GoalsFileText.Kind_Kdi), id);
        var title = map.String("title", required: true, Smart.Specific) ?? string.Empty;
        var kpi = map.Id("kpi", required: true, Smart.Relevant);
        var target = map.Number("target", required: true, positive: true, Smart.Measurable) ?? 0m;
        var (unit, unitNames) = map.Unit("unit", Smart.Measurable) ?? (string.Empty, null);
        var whole = map.Flag("whole");
        var cadence = map.Choice("cadence", Choices.Cadences) ?? KdiCadence.Daily;
        var team = map.Id("team", required: false);
        var scope = map.Choice("per", Choices.Scopes) ?? TargetScope.Person;
        var conversion = map.Number("conversion_rate", positive: true);
        var capacity = map.Number("capacity_per_day", positive: true);
        return map.Result(new Kdi(
            id ?? string.Empty, title, kpi ?? string.Empty, target, unit, cadence, team ?? string.Empty, scope, conversion, capacity, map.Location, unitNames, whole));
    }
}
