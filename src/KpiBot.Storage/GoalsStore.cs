using KpiBot.Core.Goals;
using KpiBot.Storage.Entities;
using KpiBot.Storage.Json;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>
/// Keeps what the goals file owns: teams, people, the tree and target history. An import updates rows in
/// place, archives what the file no longer has (never deletes) and appends a target row when a target
/// changes; it never touches check-ins, chat identities or time off. Reading is in GoalsStore.Read.cs.
/// </summary>
public sealed partial class GoalsStore
{
    private readonly KpiBotDbContext _db;

    public GoalsStore(KpiBotDbContext db)
    {
        _db = db ?? throw new ArgumentNullException(nameof(db));
    }

    /// <summary>
    /// Imports <paramref name="model"/> in one transaction, reading existing rows once. A changed target
    /// takes effect on the import day (the date of <paramref name="now"/> in its own offset).
    /// </summary>
    public async Task<GoalsImportResult> ImportAsync(
        GoalsModel model,
        string fileName,
        string sha256,
        string importedBy,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256);
        ArgumentException.ThrowIfNullOrWhiteSpace(importedBy);

        var nodes = model.Kgis.Cast<GoalNode>().Concat(model.Ksfs).Concat(model.Kpis).Concat(model.Kdis).ToList();
        var scaledTargets = new Dictionary<string, (long Scaled, PeriodKind Period)>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (NodeFacts.Target(node) is not { } target)
            {
                continue;
            }

            if (!ScaledValue.TryScale(target.Target, ScaledValue.MaxTarget, out var scaled, out var why))
            {
                return GoalsImportResult.TargetRejected(node.Id, why);
            }

            scaledTargets[node.Id] = (scaled, target.Period);
        }

        // Tens of thousands of tracked rows: detect changes once, just before saving.
        _db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await ImportInTransactionAsync(model, nodes, scaledTargets, fileName, sha256, importedBy, now, cancellationToken);
        }
        finally
        {
            _db.ChangeTracker.Clear();
            _db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    private async Task<GoalsImportResult> ImportInTransactionAsync(
        GoalsModel model,
        List<GoalNode> nodes,
        Dictionary<string, (long Scaled, PeriodKind Period)> scaledTargets,
        string fileName,
        string sha256,
        string importedBy,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var at = now.ToUniversalTime();
        var importDay = DateOnly.FromDateTime(now.DateTime);
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);

        var version = (await _db.GoalImports.MaxAsync(i => (int?)i.Version, cancellationToken) ?? 0) + 1;
        _db.GoalImports.Add(new GoalImportRow
        {
            Version = version,
            ImportedAt = at,
            FileName = fileName,
            Sha256 = sha256,
            ImportedBy = importedBy,
            Organization = GoalJson.Write(model.Organization),
        });

        var teams = await _db.Teams.ToDictionaryAsync(t => t.Id, StringComparer.Ordinal, cancellationToken);
        var people = await _db.People.ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, cancellationToken);
        var nodeRows = await _db.GoalNodes.ToDictionaryAsync(n => n.Id, StringComparer.Ordinal, cancellationToken);
        var latestTargets = await _db.GoalTargets
            .Where(t => t.EffectiveFrom == _db.GoalTargets.Where(x => x.NodeId == t.NodeId).Max(x => x.EffectiveFrom))
            .ToDictionaryAsync(t => t.NodeId, StringComparer.Ordinal, cancellationToken);

        var stamp = new ImportStamp(version, at);
        var teamCounts = Sync(model.Teams, teams, _db.Teams, stamp, t => t.Id, GoalJson.Write,
            (t, json) => new TeamRow { Id = t.Id, Name = t.Name, Definition = json },
            (row, t) => row.Name = t.Name);
        var peopleCounts = Sync(model.People, people, _db.People, stamp, p => p.Id, GoalJson.Write,
            (p, json) => new PersonRow
            {
                Id = p.Id, DisplayName = p.DisplayName, Email = p.Email, EmailNormalized = NormalizeEmail(p.Email),
                TeamId = p.TeamId, Role = p.Role.ToString(), Definition = json,
            },
            (row, p) =>
            {
                row.DisplayName = p.DisplayName;
                row.Email = p.Email;
                row.EmailNormalized = NormalizeEmail(p.Email);
                row.TeamId = p.TeamId;
                row.Role = p.Role.ToString();
            });
        var nodeCounts = Sync(nodes, nodeRows, _db.GoalNodes, stamp, n => n.Id, GoalJson.Write,
            (n, json) => new GoalNodeRow
            {
                Id = n.Id, Kind = n.Kind.ToString(), ParentId = NodeFacts.ParentId(n), Title = n.Title,
                TeamId = NodeFacts.TeamId(n), Definition = json,
            },
            (row, n) =>
            {
                row.Kind = n.Kind.ToString();
                row.ParentId = NodeFacts.ParentId(n);
                row.Title = n.Title;
                row.TeamId = NodeFacts.TeamId(n);
            });

        var targetsChanged = 0;
        foreach (var (nodeId, target) in scaledTargets)
        {
            var period = target.Period.ToString();
            if (!latestTargets.TryGetValue(nodeId, out var latest))
            {
                _db.GoalTargets.Add(new GoalTargetRow
                {
                    NodeId = nodeId, EffectiveFrom = DateOnly.MinValue, TargetScaled = target.Scaled, Period = period,
                    ImportVersion = version,
                });
                targetsChanged++;
            }
            else if (latest.TargetScaled != target.Scaled || latest.Period != period)
            {
                if (latest.EffectiveFrom == importDay)
                {
                    latest.TargetScaled = target.Scaled;
                    latest.Period = period;
                    latest.ImportVersion = version;
                }
                else
                {
                    _db.GoalTargets.Add(new GoalTargetRow
                    {
                        NodeId = nodeId, EffectiveFrom = importDay, TargetScaled = target.Scaled, Period = period,
                        ImportVersion = version,
                    });
                }

                targetsChanged++;
            }
        }

        _db.ChangeTracker.DetectChanges();
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return GoalsImportResult.Imported(new GoalsImportSummary(version, teamCounts, peopleCounts, nodeCounts, targetsChanged));
    }

    internal static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    private static ImportCounts Sync<TItem, TRow>(
        IReadOnlyList<TItem> items,
        Dictionary<string, TRow> existing,
        DbSet<TRow> set,
        ImportStamp stamp,
        Func<TItem, string> idOf,
        Func<TItem, string> toJson,
        Func<TItem, string, TRow> create,
        Action<TRow, TItem> apply)
        where TRow : class, IImportedRow
    {
        int added = 0, updated = 0, archived = 0, same = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var position = 0; position < items.Count; position++)
        {
            var item = items[position];
            var json = toJson(item);
            seen.Add(idOf(item));
            if (existing.TryGetValue(idOf(item), out var row))
            {
                if (row.Definition == json && row.Position == position && row.ArchivedAt is null)
                {
                    same++;
                    continue;
                }

                apply(row, item);
                row.Definition = json;
                row.Position = position;
                row.ArchivedAt = null;
                row.LastImportVersion = stamp.Version;
                updated++;
            }
            else
            {
                row = create(item, json);
                row.Position = position;
                row.FirstImportVersion = stamp.Version;
                row.LastImportVersion = stamp.Version;
                set.Add(row);
                added++;
            }
        }

        foreach (var row in existing.Values.Where(r => r.ArchivedAt is null && !seen.Contains(r.Id)))
        {
            row.ArchivedAt = stamp.At;
            row.LastImportVersion = stamp.Version;
            archived++;
        }

        return new ImportCounts(added, updated, archived, same);
    }

    private sealed record ImportStamp(int Version, DateTimeOffset At);
}
