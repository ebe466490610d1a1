using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using YamlDotNet.RepresentationModel;

namespace KpiBot.Core.GoalsFile;

/// <summary>Reads one item of <c>kpis:</c>.</summary>
internal static class KpiSection
{
    private static readonly string[] Keys =
    [
        "id", "title", "ksf", "target", "unit", "whole", "period", "start", "end", "owner", "aggregation", "source",
        "numerator", "denominator", "derived_from", "reported_by", "report_every",
    ];

    /// <summary><c>source: api</c> is <c>source: reported</c> with <c>reported_by: api</c>.</summary>
    private static readonly IReadOnlyDictionary<string, KpiSource> SourcesInFile =
        Choices.Sources.Append(new("api", KpiSource.Reported)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    private static readonly string[] InputKeys = ["node", "rate"];

    public static Parsed<Kpi>? Read(YamlNode node, ParseContext context)
    {
        var map = MappingReader.OpenElement(node, Keys, nameof(GoalsFileText.Kind_Kpi), context);
        if (map is null)
        {
            return null;
        }

        var id = map.Id();
        map.What = Elements.Named(nameof(GoalsFileText.Kind_Kpi), id);
        var title = map.String("title", required: true, Smart.Specific) ?? string.Empty;
        var ksf = map.Id("ksf", required: true, Smart.Relevant);
        var target = map.Number("target", required: true, positive: true, Smart.Measurable) ?? 0m;
        var (unit, unitNames) = map.Unit("unit", Smart.Measurable) ?? (string.Empty, null);
        var whole = map.Flag("whole");
        var period = map.Choice("period", Choices.Periods, required: true, Smart.TimeBound) ?? PeriodKind.Window;
        var start = map.Date("start");
        var end = map.Date("end");
        Windows.CheckOrder(map, context, start, "start", end, "end");
        var owner = map.Id("owner", required: true);
        var numerator = map.Id("numerator", required: false);
        var denominator = map.Id("denominator", required: false);
        var inferred = map.Has("numerator") || map.Has("denominator") ? KpiSource.Ratio : KpiSource.Kdis;
        var source = map.Choice("source", SourcesInFile) ?? inferred;
        var implied = source != KpiSource.Reported ? (ReporterKind?)null
            : map.String("source") == "api" ? ReporterKind.Api : ReporterKind.Lead;
        var reporting = ReportingSection.Read(map, context, implied, DefaultCadence(period));
        if (reporting is not null && source == KpiSource.Ratio)
        {
            context.Error(map.At("reported_by"), DiagnosticCodes.BadEnum, nameof(GoalsFileText.ReportedRatio), map.What);
            reporting = null;
        }
        if (source == KpiSource.Ratio)
        {
            RequireOperand(map, "numerator");
            RequireOperand(map, "denominator");
        }

        var aggregation = map.Choice("aggregation", Choices.Aggregations)
            ?? (source == KpiSource.Ratio ? Aggregation.Ratio : Aggregation.Sum);
        var inputs = new List<KpiInput>();
        foreach (var (item, index) in map.List("derived_from").Select((item, index) => (item, index)))
        {
            var input = MappingReader.Open(item, InputKeys, LocalText.Of(nameof(GoalsFileText.Element_Key), "derived_from", map.What), context);
            var from = input?.Id("node");
            var rate = input?.Number("rate", required: true, positive: true);
            if (input is null || from is null || rate is null)
            {
                continue;
            }

            map.Remember($"derived_from[{index}]", input.At("node"));
            inputs.Add(new KpiInput(from, rate.Value));
        }

        return map.Result(new Kpi(
            id ?? string.Empty, title, ksf ?? string.Empty, target, unit, period, owner ?? string.Empty, aggregation, source,
            numerator, denominator, start, end, inputs, map.Location, reporting, unitNames, whole));
    }

    /// <summary>A KPI is reported as often as its period, and at least monthly.</summary>
    private static PeriodKind DefaultCadence(PeriodKind period) =>
        period is PeriodKind.Day or PeriodKind.Week or PeriodKind.Month ? period : PeriodKind.Month;

    private static void RequireOperand(MappingReader map, string key)
    {
        if (!map.Has(key))
        {
            map.Missing(key);
        }
    }
}
