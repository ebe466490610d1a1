using KpiBot.Core.Goals;
using YamlDotNet.Core;

namespace KpiBot.Core.GoalsFile;

/// <summary>The file being read and the diagnostics found so far.</summary>
internal sealed class ParseContext(string fileName)
{
    private readonly List<GoalsDiagnostic> _diagnostics = [];

    public string FileName { get; } = fileName;

    public IReadOnlyList<GoalsDiagnostic> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    public SourceLocation At(Mark mark) => new(FileName, (int)mark.Line, (int)mark.Column);

    public void Error(SourceLocation at, string code, string key, params object?[] args) =>
        _diagnostics.Add(new GoalsDiagnostic(DiagnosticSeverity.Error, at, code, key, args));

    public void ErrorWithSuggestion(SourceLocation at, string code, string? suggestion, string key, params object?[] args) =>
        _diagnostics.Add(new GoalsDiagnostic(DiagnosticSeverity.Error, at, code, key, args) { Suggestion = suggestion });

    public void Warning(SourceLocation at, string code, string key, params object?[] args) =>
        _diagnostics.Add(new GoalsDiagnostic(DiagnosticSeverity.Warning, at, code, key, args));

    /// <summary>Diagnostics in file order (line, then errors before warnings, then the order found).</summary>
    public IReadOnlyList<GoalsDiagnostic> Sorted() => _diagnostics
        .Select((d, i) => (d, i))
        .OrderBy(x => x.d.Location.Line)
        .ThenBy(x => x.d.Severity)
        .ThenBy(x => x.i)
        .Select(x => x.d)
        .ToList();
}
