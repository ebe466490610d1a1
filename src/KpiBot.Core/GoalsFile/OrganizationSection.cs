using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using YamlDotNet.RepresentationModel;

namespace KpiBot.Core.GoalsFile;

/// <summary>Reads <c>organization:</c>.</summary>
internal static class OrganizationSection
{
    private static readonly string[] Keys = ["name", "fiscal_year_start_month", "locale", "currency", "thresholds"];
    private static readonly string[] ThresholdKeys = ["on_track", "at_risk", "judge_after"];

    public static Parsed<OrganizationSettings>? Read(YamlNode node, ParseContext context)
    {
        var map = MappingReader.Open(node, Keys, LocalText.Of(nameof(GoalsFileText.Element_Organization)), context);
        if (map is null)
        {
            return null;
        }

        var name = map.String("name", required: true) ?? string.Empty;
        var month = map.Integer("fiscal_year_start_month", 1, 12) ?? 4;
        var locale = map.Word("locale", Choices.Locales) ?? "ja";
        var currency = map.String("currency") ?? "JPY";
        var thresholds = ReadThresholds(map, context);
        return map.Result(new OrganizationSettings(name, month, locale, currency, thresholds));
    }

    private static StatusThresholds? ReadThresholds(MappingReader organization, ParseContext context)
    {
        var map = organization.Mapping("thresholds", ThresholdKeys);
        if (map is null)
        {
            return null;
        }

        var onTrack = map.Number("on_track", positive: true) ?? StatusThresholds.Default.OnTrack;
        var atRisk = map.Number("at_risk", positive: true) ?? StatusThresholds.Default.AtRisk;
        if (atRisk >= onTrack)
        {
            context.Error(map.At("at_risk"), DiagnosticCodes.OutOfRange, nameof(GoalsFileText.ThresholdsOrder), atRisk, onTrack);
        }

        var judgeAfter = map.Integer("judge_after", 1, 60) ?? StatusThresholds.DefaultJudgeAfterDays;
        return new StatusThresholds(onTrack, atRisk, judgeAfter);
    }
}
