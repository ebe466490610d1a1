using System.Globalization;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.GoalsFile;

/// <summary>
/// One problem in a goals file. <see cref="Code"/> is stable (see <see cref="DiagnosticCodes"/>);
/// the sentence is rendered per culture from the GoalsFileText resources, so the same diagnostic reads in
/// English or Japanese. <see cref="Arguments"/> are kept raw (numbers, dates, ids) and formatted by culture.
/// </summary>
public sealed record GoalsDiagnostic(
    DiagnosticSeverity Severity,
    SourceLocation Location,
    string Code,
    string MessageKey,
    IReadOnlyList<object?> Arguments)
{
    /// <summary>The closest known key or id when a name was not recognised ("Did you mean …?").</summary>
    public string? Suggestion { get; init; }

    /// <summary>The plain sentence, e.g. "Unknown key 'titel' in KPI 'meetings'. Did you mean 'title'?".</summary>
    public string Message(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var text = new LocalText(MessageKey, Arguments).Render(culture);
        return Suggestion is null
            ? text
            : text + Localized.Format(GoalsFileText.ResourceManager, nameof(GoalsFileText.DidYouMean), culture, Suggestion);
    }

    /// <summary>Compiler-like line: <c>goals.yaml:12: error KPB007: message</c>.</summary>
    public string Format(CultureInfo culture)
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{Location.File}:{Location.Line.ToString(CultureInfo.InvariantCulture)}: {severity} {Code}: {Message(culture)}";
    }

    public override string ToString() => Format(Localized.English);
}
