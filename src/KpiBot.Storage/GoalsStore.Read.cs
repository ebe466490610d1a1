using KpiBot.Core.Goals;
using KpiBot.Storage.Json;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

public sealed partial class GoalsStore
{
    /// <summary>
    /// The model as last imported: the last import's organisation settings and the non-archived teams,
    /// people and nodes in file order. Null before the first import.
    /// </summary>
    public async Task<GoalsModel?> LoadCurrentAsync(CancellationToken cancellationToken)
    {
        var organization = await _db.GoalImports.AsNoTracking()
            .OrderByDescending(i => i.Version)
            .Select(i => i.Organization)
            .FirstOrDefaultAsync(cancellationToken);
        if (organization is null)
        {
            return null;
        }

        var teams = await _db.Teams.AsNoTracking().Where(t => t.ArchivedAt == null).OrderBy(t => t.Position)
            .Select(t => t.Definition).ToListAsync(cancellationToken);
        var people = await _db.People.AsNoTracking().Where(p => p.ArchivedAt == null).OrderBy(p => p.Position)
            .Select(p => p.Definition).ToListAsync(cancellationToken);
        var nodes = await _db.GoalNodes.AsNoTracking().Where(n => n.ArchivedAt == null).OrderBy(n => n.Position)
            .Select(n => new { n.Kind, n.Definition }).ToListAsync(cancellationToken);
        var tree = nodes.Select(n => GoalJson.ReadNode(n.Kind, n.Definition)).ToList();

        return new GoalsModel(
            GoalJson.ReadOrganization(organization),
            teams.Select(GoalJson.ReadTeam),
            people.Select(GoalJson.ReadPerson),
            tree.OfType<Kgi>(),
            tree.OfType<Ksf>(),
            tree.OfType<Kpi>(),
            tree.OfType<Kdi>());
    }

    /// <summary>The latest change of any chat profile (time zone or locale); null when none was ever given.</summary>
    public Task<DateTime?> ChatProfilesStampAsync(CancellationToken cancellationToken) =>
        _db.ChatUsers.AsNoTracking().MaxAsync(u => u.ProfileChangedAt, cancellationToken);

    /// <summary>
    /// The chat profiles of linked people (person id → zone and locale), for <see cref="GoalsModel.WithChatProfiles"/>.
    /// Only users with a zone or locale are read; a person linked on two platforms gets the latest changed profile.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ChatProfile>> LoadChatProfilesAsync(CancellationToken cancellationToken)
    {
        var rows = await (
                from u in _db.ChatUsers.AsNoTracking()
                where u.ProfileChangedAt != null
                join i in _db.ChatIdentities.AsNoTracking()
                    on new { u.Platform, u.Tenant, u.UserId } equals new { i.Platform, i.Tenant, i.UserId }
                orderby u.ProfileChangedAt
                select new { i.PersonId, u.TimeZone, u.Locale })
            .ToListAsync(cancellationToken);
        var profiles = new Dictionary<string, ChatProfile>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            profiles[row.PersonId] = new ChatProfile(row.TimeZone, row.Locale);
        }

        return profiles;
    }

    /// <summary>The target that applied to <paramref name="nodeId"/> on <paramref name="day"/>; null for a KSF or an unknown node.</summary>
    public async Task<GoalTarget?> TargetAtAsync(string nodeId, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        var targets = await TargetsAtAsync([nodeId], day, cancellationToken);
        return targets.GetValueOrDefault(nodeId);
    }

    /// <summary>The targets that applied on <paramref name="day"/>, by node id, in one query.</summary>
    public async Task<IReadOnlyDictionary<string, GoalTarget>> TargetsAtAsync(
        IReadOnlyCollection<string> nodeIds,
        DateOnly day,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        var rows = await _db.GoalTargets.AsNoTracking()
            .Where(t => nodeIds.Contains(t.NodeId))
            .Where(t => t.EffectiveFrom == _db.GoalTargets
                .Where(x => x.NodeId == t.NodeId && x.EffectiveFrom <= day)
                .Max(x => (DateOnly?)x.EffectiveFrom))
            .Select(t => new { t.NodeId, t.EffectiveFrom, t.TargetScaled, t.Period })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.NodeId,
            r => new GoalTarget(r.NodeId, r.EffectiveFrom, ScaledValue.Unscale(r.TargetScaled), Enum.Parse<PeriodKind>(r.Period)),
            StringComparer.Ordinal);
    }
}
