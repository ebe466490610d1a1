namespace KpiBot.Core.Goals;

/// <summary>
/// Everything a goals file declares: the organisation's settings, its teams and people, and the KPI tree.
/// Built only from a file that validated without errors, so every reference in it resolves.
/// </summary>
public sealed class GoalsModel
{
    public GoalsModel(
        OrganizationSettings organization,
        IEnumerable<Team> teams,
        IEnumerable<Person> people,
        IEnumerable<Kgi> kgis,
        IEnumerable<Ksf> ksfs,
        IEnumerable<Kpi> kpis,
        IEnumerable<Kdi> kdis)
    {
        Organization = organization;
        Teams = teams.ToList();
        People = people.ToList();
        Kgis = kgis.ToList();
        Ksfs = ksfs.ToList();
        Kpis = kpis.ToList();
        Kdis = kdis.ToList();
        TeamsById = Teams.ToDictionary(t => t.Id, StringComparer.Ordinal);
        PeopleById = People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        NodesById = Kgis.Cast<GoalNode>().Concat(Ksfs).Concat(Kpis).Concat(Kdis)
            .ToDictionary(n => n.Id, StringComparer.Ordinal);
        _ksfsByKgi = Ksfs.ToLookup(k => k.KgiId, StringComparer.Ordinal);
        _kpisByKsf = Kpis.ToLookup(k => k.KsfId, StringComparer.Ordinal);
        _kdisByKpi = Kdis.ToLookup(k => k.KpiId, StringComparer.Ordinal);
        _membersByTeam = People.ToLookup(p => p.TeamId, StringComparer.Ordinal);
    }

    private readonly ILookup<string, Ksf> _ksfsByKgi;
    private readonly ILookup<string, Kpi> _kpisByKsf;
    private readonly ILookup<string, Kdi> _kdisByKpi;
    private readonly ILookup<string, Person> _membersByTeam;

    public OrganizationSettings Organization { get; }
    public IReadOnlyList<Team> Teams { get; }
    public IReadOnlyList<Person> People { get; }
    public IReadOnlyList<Kgi> Kgis { get; }
    public IReadOnlyList<Ksf> Ksfs { get; }
    public IReadOnlyList<Kpi> Kpis { get; }
    public IReadOnlyList<Kdi> Kdis { get; }
    public IReadOnlyDictionary<string, Team> TeamsById { get; }
    public IReadOnlyDictionary<string, Person> PeopleById { get; }
    public IReadOnlyDictionary<string, GoalNode> NodesById { get; }

    public IEnumerable<Ksf> KsfsOf(string kgiId) => _ksfsByKgi[kgiId];
    public IEnumerable<Kpi> KpisOf(string ksfId) => _kpisByKsf[ksfId];
    public IEnumerable<Kdi> KdisOf(string kpiId) => _kdisByKpi[kpiId];
    public IEnumerable<Person> MembersOf(string teamId) => _membersByTeam[teamId];

    /// <summary>
    /// The same goals with other targets (node id → target), e.g. the targets that applied on a past day,
    /// so a past period is judged against the target of its time. Ids not in the tree are ignored.
    /// </summary>
    public GoalsModel WithTargets(IReadOnlyDictionary<string, decimal> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        decimal TargetOf(GoalNode node, decimal current) => targets.TryGetValue(node.Id, out var t) ? t : current;
        return new GoalsModel(
            Organization,
            Teams,
            People,
            Kgis.Select(k => k with { Target = TargetOf(k, k.Target) }),
            Ksfs,
            Kpis.Select(k => k with { Target = TargetOf(k, k.Target) }),
            Kdis.Select(k => k with { Target = TargetOf(k, k.Target) }));
    }

    /// <summary>
    /// The same goals with each person's chat profile laid over (person id → profile). A zone that is not a
    /// known IANA id is ignored, so a bad profile can never break a schedule; ids of people not in the file too.
    /// </summary>
    public GoalsModel WithChatProfiles(IReadOnlyDictionary<string, ChatProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return new GoalsModel(
            Organization,
            Teams,
            People.Select(p => profiles.TryGetValue(p.Id, out var profile)
                ? p with
                {
                    ChatTimeZone = Calendar.Zones.TryFind(profile.TimeZone, out _) ? profile.TimeZone : null,
                    ChatLocale = profile.Locale,
                }
                : p),
            Kgis,
            Ksfs,
            Kpis,
            Kdis);
    }

    /// <summary>
    /// The days on which a KDI is asked for and counted: its KPI's start/end, else its KGI's start..deadline
    /// (the telemarketing calls run 2027-01-05..2027-03-04, the annual sales KDIs the whole fiscal year).
    /// </summary>
    public Calendar.PeriodWindow ActiveWindowOf(Kdi kdi)
    {
        ArgumentNullException.ThrowIfNull(kdi);
        return ActiveWindowOf((Kpi)NodesById[kdi.KpiId]);
    }

    /// <summary>The days a KPI runs: its own start/end, else its KGI's start..deadline.</summary>
    public Calendar.PeriodWindow ActiveWindowOf(Kpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var kgi = KgiOf(kpi);
        return new Calendar.PeriodWindow(kpi.Start ?? kgi.Start, kpi.End ?? kgi.Deadline);
    }

    /// <summary>The KGI a KPI belongs to (through its KSF).</summary>
    public Kgi KgiOf(Kpi kpi) => (Kgi)NodesById[((Ksf)NodesById[kpi.KsfId]).KgiId];
}

/// <summary>Organisation-wide settings from the goals file.</summary>
public sealed record OrganizationSettings(
    string Name,
    int FiscalYearStartMonth = 4,
    string Locale = "ja",
    string Currency = "JPY",
    StatusThresholds? Thresholds = null)
{
    public StatusThresholds StatusThresholds => Thresholds ?? StatusThresholds.Default;
}
