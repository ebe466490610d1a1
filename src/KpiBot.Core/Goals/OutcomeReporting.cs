namespace KpiBot.Core.Goals;

/// <summary>Who reports an outcome's actual (a KGI's or a KPI's own number).</summary>
public enum ReporterKind
{
    /// <summary>The leads of the node's owner team (admins too); one value per period for the node.</summary>
    Lead,
    /// <summary>One named person (<see cref="OutcomeReporting.OwnerEmail"/>); one value per period for the node.</summary>
    Owner,
    /// <summary>Each rep of the owner team reports their own (contracts they closed); one value per person and period.</summary>
    Person,
    /// <summary>Another system pushes it through the REST API; nobody is asked in chat.</summary>
    Api,
}

/// <summary>
/// How a KGI or KPI gets a reported actual next to the estimate from its KDIs: who reports it and how often.
/// One value is kept per <see cref="Every"/> period (per person with <see cref="ReporterKind.Person"/>); a
/// second report for the same period replaces the first, and the change is kept in the history.
/// </summary>
public sealed record OutcomeReporting(ReporterKind By, PeriodKind Every, string? OwnerEmail = null)
{
    /// <summary>Values are kept per person (each rep's own), not one per node.</summary>
    public bool PerPerson => By == ReporterKind.Person;
}
