using KpiBot.Core.Goals;

namespace KpiBot.Core.Dashboard;

/// <summary>A target set by an import: the node, its new target and period, and the target it replaced (null when new).</summary>
public sealed record ImportedTarget(string NodeId, string Title, decimal Target, PeriodKind Period, decimal? Previous, PeriodKind? PreviousPeriod);

/// <summary>A goal (tree node) an import added or archived.</summary>
public sealed record ImportedNode(string NodeId, GoalKind Kind, string Title);

/// <summary>
/// One import of the goals file: when, by whom (the CLI's user, the admin's chat command, or "startup"), which file
/// (name and SHA-256), and what it changed — targets set, goals added, goals archived by it (and not restored since).
/// </summary>
public sealed record GoalsImportEntry(
    int Version, DateTimeOffset ImportedAt, string ImportedBy, string FileName, string Sha256,
    IReadOnlyList<ImportedTarget> Targets, IReadOnlyList<ImportedNode> Added, IReadOnlyList<ImportedNode> Archived);

/// <summary>The goals-file import history, newest first (the dashboard's "Goals file" page).</summary>
public interface IGoalsImportHistory
{
    /// <summary>The newest <paramref name="count"/> imports, newest first.</summary>
    Task<IReadOnlyList<GoalsImportEntry>> LatestAsync(int count, CancellationToken cancellationToken);
}
