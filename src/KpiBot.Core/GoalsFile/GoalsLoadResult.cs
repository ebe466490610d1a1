using KpiBot.Core.Goals;

namespace KpiBot.Core.GoalsFile;

/// <summary>
/// What loading a goals file gave: the model when the file has no errors, and every diagnostic found
/// (errors and warnings), in file order.
/// </summary>
public sealed record GoalsLoadResult(GoalsModel? Model, IReadOnlyList<GoalsDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    public IEnumerable<GoalsDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    public IEnumerable<GoalsDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);
}
