namespace KpiBot.Core.CheckIns;

/// <summary>
/// Values one person recorded for one work day (for weekly KDIs, the week's first day), whoever sends them:
/// a chat card, a text command, the command line or the API. <see cref="ChangedBy"/> is who wrote them
/// (the person when null; "cli:…" or an API key otherwise). <see cref="CardVersion"/> is the revision the
/// sender last saw (null when unknown): an entry changed since then asks for confirmation instead of being
/// overwritten. <see cref="Confirmed"/> accepts that, and values over 10× their target.
/// </summary>
public sealed record CheckInSubmission(
    string PersonId,
    DateOnly Day,
    IReadOnlyDictionary<string, decimal> Values,
    string? Note = null,
    bool Blocker = false,
    string Source = CheckInSources.Cli,
    string? ChangedBy = null,
    int? CardVersion = null,
    bool Confirmed = false)
{
    /// <summary>True when the person wrote the values themselves (not an admin's backfill).</summary>
    public bool ByThePerson => ChangedBy is null || string.Equals(ChangedBy, PersonId, StringComparison.Ordinal);
}
