using KpiBot.Core.Dashboard;
using KpiBot.Core.Goals;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>
/// The import history from what each import stamps: its row in goal_imports, the target rows it wrote (their
/// import version), the nodes it added (first import version) and those it archived (archived at its time and not
/// restored since). Three reads over the goals file's own tables, whose size is the file's, not the organisation's
/// check-ins.
/// </summary>
public sealed class GoalsImportHistory(KpiBotDbContext db) : IGoalsImportHistory
{
    public async Task<IReadOnlyList<GoalsImportEntry>> LatestAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var imports = await db.GoalImports.AsNoTracking()
            .OrderByDescending(i => i.Version).Take(count)
            .Select(i => new { i.Version, i.ImportedAt, i.ImportedBy, i.FileName, i.Sha256 })
            .ToListAsync(cancellationToken);
        if (imports.Count == 0)
        {
            return [];
        }

        var oldest = imports[^1].Version;
        var nodes = await db.GoalNodes.AsNoTracking()
            .Where(n => n.LastImportVersion >= oldest)   // first <= last: every node an import in range added or archived
            .Select(n => new NodeStamp(n.Id, n.Kind, n.Title, n.FirstImportVersion, n.LastImportVersion, n.ArchivedAt))
            .ToListAsync(cancellationToken);
        var changedIds = await db.GoalTargets.AsNoTracking()
            .Where(t => t.ImportVersion >= oldest).Select(t => t.NodeId).Distinct()
            .ToListAsync(cancellationToken);
        // Every target row of the changed nodes, to tell each change the target it replaced.
        var targets = await db.GoalTargets.AsNoTracking()
            .Where(t => changedIds.Contains(t.NodeId))
            .Select(t => new { t.NodeId, t.EffectiveFrom, t.TargetScaled, t.Period, t.ImportVersion })
            .ToListAsync(cancellationToken);
        var titles = await db.GoalNodes.AsNoTracking()
            .Where(n => changedIds.Contains(n.Id))
            .ToDictionaryAsync(n => n.Id, n => n.Title, StringComparer.Ordinal, cancellationToken);

        var history = targets.GroupBy(t => t.NodeId, StringComparer.Ordinal)
            .SelectMany(g =>
            {
                var rows = g.OrderBy(t => t.EffectiveFrom).ToList();
                return rows.Select((t, i) => new
                {
                    t.ImportVersion,
                    Change = new ImportedTarget(
                        t.NodeId, titles.GetValueOrDefault(t.NodeId, t.NodeId), ScaledValue.Unscale(t.TargetScaled), Enum.Parse<PeriodKind>(t.Period),
                        i > 0 ? ScaledValue.Unscale(rows[i - 1].TargetScaled) : null,
                        i > 0 ? Enum.Parse<PeriodKind>(rows[i - 1].Period) : null),
                });
            })
            .Where(c => c.ImportVersion >= oldest)
            .ToLookup(c => c.ImportVersion, c => c.Change);

        return
        [
            .. imports.Select(i => new GoalsImportEntry(
                i.Version, i.ImportedAt, i.ImportedBy, i.FileName, i.Sha256,
                [.. history[i.Version].OrderBy(t => t.NodeId, StringComparer.Ordinal)],
                [.. nodes.Where(n => n.First == i.Version).Select(n => n.Node).OrderBy(n => n.NodeId, StringComparer.Ordinal)],
                [.. nodes.Where(n => n.ArchivedAt == i.ImportedAt && n.Last == i.Version).Select(n => n.Node).OrderBy(n => n.NodeId, StringComparer.Ordinal)])),
        ];
    }

    private sealed record NodeStamp(string Id, string Kind, string Title, int First, int Last, DateTimeOffset? ArchivedAt)
    {
        public ImportedNode Node => new(Id, Enum.Parse<GoalKind>(Kind), Title);
    }
}
