using KpiBot.Core.CheckIns;
namespace KpiBot.Storage;

/// <summary>What one import did. <see cref="TargetsChanged"/> counts new target rows and same-day corrections.</summary>
public sealed record GoalsImportSummary(
    int Version,
    ImportCounts Teams,
    ImportCounts People,
    ImportCounts Nodes,
    int TargetsChanged)
{
    /// <summary>True when the file changed nothing (the import is still recorded).</summary>
    public bool NothingChanged => Teams.Unchanged && People.Unchanged && Nodes.Unchanged && TargetsChanged == 0;
}

/// <summary>Rows added, updated (changed, moved or restored from the archive), archived, and left as they were.</summary>
public sealed record ImportCounts(int Added, int Updated, int Archived, int Same)
{
    public bool Unchanged => Added == 0 && Updated == 0 && Archived == 0;
}

/// <summary>The outcome of an import: a summary, or why nothing was written.</summary>
public sealed record GoalsImportResult(GoalsImportSummary? Summary, string? RejectedNodeId, ValueRejection Rejection)
{
    public bool Succeeded => Summary is not null;

    public static GoalsImportResult Imported(GoalsImportSummary summary) => new(summary, null, ValueRejection.None);

    public static GoalsImportResult TargetRejected(string nodeId, ValueRejection why) => new(null, nodeId, why);
}
