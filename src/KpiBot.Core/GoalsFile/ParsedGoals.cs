using KpiBot.Core.Goals;

namespace KpiBot.Core.GoalsFile;

/// <summary>Everything read from the file, before cross-references are checked.</summary>
internal sealed record ParsedGoals(
    Parsed<OrganizationSettings>? Organization,
    IReadOnlyList<Parsed<Team>> Teams,
    IReadOnlyList<Parsed<Person>> People,
    IReadOnlyList<Parsed<Kgi>> Kgis,
    IReadOnlyList<Parsed<Ksf>> Ksfs,
    IReadOnlyList<Parsed<Kpi>> Kpis,
    IReadOnlyList<Parsed<Kdi>> Kdis);
