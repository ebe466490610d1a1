using KpiBot.Core.CheckIns;

namespace KpiBot.Core.Outcomes;

/// <summary>
/// A reported actual of a KGI or KPI for one period of its reporting cadence (keyed on the period's first day,
/// or the goal's start when the goal starts inside it). <see cref="PersonId"/> is the rep's own value for nodes
/// reported per person, and null for one value per node. Unique per (node, person, period); every change bumps
/// <see cref="Revision"/> and is kept in the history.
/// </summary>
public sealed record OutcomeEntry(
    string NodeId,
    string? PersonId,
    DateOnly PeriodStart,
    decimal Value,
    string? Note = null,
    string Source = CheckInSources.Cli,
    int Revision = 1);

/// <summary>One change of a reported actual, oldest first in a history.</summary>
public sealed record OutcomeChange(
    int Revision,
    decimal? OldValue,
    decimal NewValue,
    string? Note,
    string ChangedBy,
    string Source,
    DateTimeOffset ChangedAt);
