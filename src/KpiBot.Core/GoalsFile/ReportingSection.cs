using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.GoalsFile;

/// <summary>
/// Reads <c>reported_by</c> (<c>lead</c>, <c>person</c>, <c>api</c> or <c>owner EMAIL</c>) and <c>report_every</c>
/// (<c>day</c>, <c>week</c>, <c>month</c> or <c>quarter</c>) of a KGI or KPI.
/// </summary>
internal static class ReportingSection
{
    public static readonly IReadOnlyDictionary<string, PeriodKind> Cadences = new Dictionary<string, PeriodKind>(StringComparer.Ordinal)
    {
        ["day"] = PeriodKind.Day,
        ["week"] = PeriodKind.Week,
        ["month"] = PeriodKind.Month,
        ["quarter"] = PeriodKind.Quarter,
    };

    private static readonly IReadOnlyList<string> Reporters = ["lead", "person", "api", "owner EMAIL"];

    /// <summary>
    /// The reporting of the element, or null when it has none. <paramref name="implied"/> is what the element's
    /// <c>source</c> already says (lead for <c>reported</c>, api for <c>api</c>); <paramref name="defaultEvery"/>
    /// is the cadence when <c>report_every</c> is absent.
    /// </summary>
    public static OutcomeReporting? Read(MappingReader map, ParseContext context, ReporterKind? implied, PeriodKind defaultEvery)
    {
        var every = map.Choice("report_every", Cadences) ?? defaultEvery;
        var text = map.String("reported_by");
        if (text is null)
        {
            if (implied is null && map.Has("report_every"))
            {
                map.Missing("reported_by");
            }

            return implied is { } kind ? new OutcomeReporting(kind, every) : null;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        OutcomeReporting? reporting = words switch
        {
            ["lead"] => new(ReporterKind.Lead, every),
            ["person"] => new(ReporterKind.Person, every),
            ["api"] => new(ReporterKind.Api, every),
            ["owner", var email] when PersonSection.LooksLikeEmail(email) => new(ReporterKind.Owner, every, email),
            _ => null,
        };
        if (reporting is null)
        {
            context.ErrorWithSuggestion(map.At("reported_by"), DiagnosticCodes.BadEnum, Suggestions.Closest(text, Reporters),
                nameof(GoalsFileText.BadEnum), text, "reported_by", string.Join(", ", Reporters));
            return null;
        }

        if (implied == ReporterKind.Api && reporting.By != ReporterKind.Api)
        {
            context.Error(map.At("reported_by"), DiagnosticCodes.BadEnum, nameof(GoalsFileText.ReportedByWithApiSource), map.What, text);
            return null;
        }

        return reporting;
    }
}
