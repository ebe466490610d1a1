namespace KpiBot.Core.CheckIns;

/// <summary>
/// One recorded value: a person's actual for a KDI (or a directly reported KPI) on a work day — for a
/// weekly KDI, the week's first day. Unique per (person, node, day); every change bumps
/// <see cref="Revision"/> and is audited.
/// </summary>
public sealed record CheckInEntry(
    string PersonId,
    string NodeId,
    DateOnly Day,
    decimal Value,
    string? Note = null,
    bool Blocker = false,
    string Source = CheckInSources.Cli,
    int Revision = 1);

/// <summary>Where a value came from.</summary>
public static class CheckInSources
{
    public const string Cli = "cli";
    public const string Slack = "slack";
    public const string Teams = "teams";
    public const string Import = "import";
    public const string Api = "api";
}
