using System.Globalization;
using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Conversations;
using KpiBot.Core.Conversations.Lead;
using KpiBot.Core.Formatting;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Rollup;
using KpiBot.Core.Views;

namespace KpiBot.Core.Digest;

/// <summary>
/// The weekly team digest for <c>weekStart</c>..<c>weekStart + 6</c>, as of the week's last day (or the team's
/// today, for a preview during the week): KGIs with pace and forecast, KPIs with status, the week's KDI
/// completion (Σ actual ÷ Σ target so far), participation, who has not answered on which days, the longest
/// current streaks, who has an open blocker, the KPIs that moved most this week, and what is at risk. People are
/// named as the team's <c>digest_names</c> allows (default: only people with open blockers); otherwise counted.
/// </summary>
public sealed class DigestBuilder(RollupService rollup, IDayStore days, IBlockerStore blockers, TimeProvider time, IDigestChartLinks? chartLinks = null)
{
    /// <summary>How far back a current streak is counted (a streak longer than this shows this many days).</summary>
    public const int StreakLookbackDays = 56;

    private const int TopCount = 3;
    private const int ListCount = 5;

    private readonly RollupService _rollup = rollup ?? throw new ArgumentNullException(nameof(rollup));
    private readonly IDayStore _days = days ?? throw new ArgumentNullException(nameof(days));
    private readonly IBlockerStore _blockers = blockers ?? throw new ArgumentNullException(nameof(blockers));
    private readonly TimeProvider _time = time ?? throw new ArgumentNullException(nameof(time));

    public async Task<DigestView> BuildAsync(GoalsModel model, Team team, DateOnly weekStart, CultureInfo culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(culture);
        var weekEnd = weekStart.AddDays(6);
        var today = Zones.Today(team.TimeZone, _time);
        var asOf = AsOf(team, weekStart);
        var reps = model.MembersOf(team.Id).Where(p => p.Role == Role.Rep).ToList();
        var ids = reps.Select(p => p.Id).ToList();
        var timeOff = await RepDays.TimeOffAsync(model, ids, asOf, _days, ct).ConfigureAwait(false);
        var report = await _rollup.ComputeAsync(model, new RollupRequest(asOf, team.Id, TimeOff: timeOff), ct).ConfigureAwait(false);
        var week = await _rollup.ComputeAsync(model, new RollupRequest(asOf, team.Id, PeriodKind.Week, timeOff), ct).ConfigureAwait(false);
        var history = await _days.HistoryAsync(ids, asOf.AddDays(1 - StreakLookbackDays), asOf, ct).ConfigureAwait(false);
        var open = await _blockers.OpenAsync(ids, ct).ConfigureAwait(false);
        var calendar = WorkCalendar.For(team);

        var kgis = report.Roots.Where(r => r.Figures is not null).ToList();
        var kpis = report.Nodes.Where(n => n.Node.Kind == GoalKind.Kpi && n.Figures is not null).ToList();
        var participation = Participation.Of(ids, history, calendar, weekStart, asOf);
        var byPerson = history.ToLookup(h => h.PersonId, StringComparer.Ordinal);
        // The team decides whom the channel may see named (decisions.md): by default only people with open blockers.
        var names = team.ScheduleOrDefault.DigestNames;
        var streakDays = reps
            .Select(p => (Person: p, Days: Participation.Streak(byPerson[p.Id], calendar, asOf.AddDays(1 - StreakLookbackDays), asOf, asOf == today)))
            .Where(s => s.Days > 0)
            .OrderByDescending(s => s.Days)
            .ToList();
        var streaks = names == DigestNames.All
            ? streakDays.Take(TopCount).Select(s => T(nameof(LeadText.Streak_Item), culture, s.Person.DisplayName, s.Days)).ToList()
            : streakDays.GroupBy(s => s.Days).Take(TopCount).Select(g => T(nameof(LeadText.Streak_Count), culture, g.Key, g.Count())).ToList();
        var blockerNames = names == DigestNames.None
            ? open.Count == 0 ? [] : [T(nameof(LeadText.Blocker_Count), culture, open.Count)]
            : open
                .Select(b => T(nameof(LeadText.Item_BlockerNoNote), culture,
                    model.PeopleById.GetValueOrDefault(b.PersonId)?.DisplayName ?? b.PersonId, LeadTexts.MonthDay(b.Day, culture)))
                .ToList();
        // Who has not answered this week: named where the team allows names for everyone, else counted.
        var missed = reps
            .Select(p => (Person: p, Days: Participation.Missed(byPerson[p.Id], calendar, weekStart, asOf, asOf == today)))
            .Where(m => m.Days.Count > 0)
            .ToList();
        var notAnswered = names == DigestNames.All
            ? missed.Select(m => T(nameof(LeadText.NotAnswered_Item), culture, m.Person.DisplayName,
                Texts.List(m.Days.Select(d => Dates.Day(d, culture)), culture))).ToList()
            : missed.Count == 0 ? [] : [T(nameof(LeadText.NotAnswered_Count), culture, missed.Count)];
        var atRisk = report.Nodes
            .Where(n => n.Node.Kind is GoalKind.Kpi or GoalKind.Kdi && ProgressLines.IsBehind(n.Figures))
            .Select(n => ProgressLines.Behind(n, culture))
            .ToList();

        ViewSection[] sections =
        [
            Section(nameof(LeadText.Section_Completion), Completion(week, culture), culture, int.MaxValue),
            Section(nameof(LeadText.Section_Participation),
                participation.Asked == 0 ? [] : [T(nameof(LeadText.Participation_Item), culture,
                    participation.Answered, participation.Asked, LeadTexts.Percent(participation.Percent, culture))], culture),
            Section(nameof(LeadText.Section_NotAnsweredWeek), notAnswered, culture),
            Section(nameof(LeadText.Section_Streaks), streaks, culture),
            Section(nameof(LeadText.Section_Blockers), blockerNames, culture),
            Section(nameof(LeadText.Section_Movers), Movers(kpis, week, culture), culture),
            Section(nameof(LeadText.Section_AtRisk), atRisk, culture),
            .. TeamStatus.RatesSection(report, culture),
        ];
        List<ProgressLine> lines = [.. kgis.Select(k => ProgressLines.Line(k, 0, culture)), .. kpis.Select(k => ProgressLines.Line(k, 1, culture))];
        var body = string.Join('\n', kgis.Select(k => KgiText(k, culture))
            .Append(string.Empty)
            .Append(LeadTexts.Get(nameof(LeadText.Section_Kpis), culture))
            .Concat(kpis.Select(k => "・" + T(nameof(LeadText.Digest_Kpi), culture, k.Node.Title, ProgressLines.Figures(k, k.Figures!, culture),
                LeadTexts.Percent(k.Figures!.ProgressPercent, culture), StatusText.For(k.Figures.Status, culture)))));
        var title = T(nameof(LeadText.Digest_Title), culture, team.Name, Dates.Range(weekStart, weekEnd, culture));
        return new DigestView(LeadTexts.Compose(title, body, sections), title, team.Id, weekStart, lines, sections)
        {
            Chart = DigestCharts.For(report, team, weekStart, culture, chartLinks?.For(team.Id, weekStart)),
        };
    }

    /// <summary>
    /// The digest's chart alone, as the digest of that week had it (drawn again when a card's image is fetched), or
    /// null when the team has no KGI with figures.
    /// </summary>
    public async Task<DigestChart?> ChartAsync(GoalsModel model, Team team, DateOnly weekStart, CultureInfo culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(team);
        var asOf = AsOf(team, weekStart);
        var ids = model.MembersOf(team.Id).Where(p => p.Role == Role.Rep).Select(p => p.Id).ToList();
        var timeOff = await RepDays.TimeOffAsync(model, ids, asOf, _days, ct).ConfigureAwait(false);
        var report = await _rollup.ComputeAsync(model, new RollupRequest(asOf, team.Id, TimeOff: timeOff), ct).ConfigureAwait(false);
        return DigestCharts.For(report, team, weekStart, culture, null);
    }

    /// <summary>The week's last day, or the team's today during the week (a preview).</summary>
    private DateOnly AsOf(Team team, DateOnly weekStart)
    {
        var weekEnd = weekStart.AddDays(6);
        var today = Zones.Today(team.TimeZone, _time);
        return today < weekEnd ? today : weekEnd;
    }

    /// <summary>Each KDI's actual against what the week asked so far, then Σ actual ÷ Σ target over all of them.</summary>
    private static List<string> Completion(RollupReport week, CultureInfo culture)
    {
        var kdis = week.Nodes.Where(n => n.Node.Kind == GoalKind.Kdi && n.Figures is { Expected: > 0m }).ToList();
        if (kdis.Count == 0)
        {
            return [];
        }

        var items = kdis.Select(k => T(nameof(LeadText.Completion_Item), culture, k.Node.Title,
                QuantityFormatter.Format(k.Figures!.Actual, k.Node, culture),
                QuantityFormatter.Format(k.Figures.Expected, k.Node, culture),
                LeadTexts.Percent(k.Figures.Actual * 100m / k.Figures.Expected, culture),
                Dates.Day(week.AsOf, culture)))
            .ToList();
        var total = kdis.Sum(k => k.Figures!.Actual) * 100m / kdis.Sum(k => k.Figures!.Expected);
        items.Add(T(nameof(LeadText.Completion_Total), culture, LeadTexts.Percent(total, culture)));
        return items;
    }

    /// <summary>
    /// How far each summed KPI moved this week, in percentage points of its current target: the week's actual
    /// ÷ the period's target × 100 (45 calls of a 400 target = +11 pts). Levels (ratios, averages) do not add up, so they are left out.
    /// </summary>
    private static List<string> Movers(IReadOnlyList<RollupNode> kpis, RollupReport week, CultureInfo culture) =>
    [
        .. kpis
            .Where(k => KpiMeasures.IsSummed((Kpi)k.Node) && k.Figures!.Target != 0m)
            .Select(k => (Node: k, Change: (week.Find(k.Node.Id)?.Figures?.Actual ?? 0m) * 100m / k.Figures!.Target))
            .Where(m => m.Change != 0m)
            .OrderByDescending(m => Math.Abs(m.Change))
            .Take(TopCount)
            .Select(m => T(nameof(LeadText.Mover_Item), culture, m.Node.Node.Title,
                QuantityFormatter.Number(Math.Round(m.Change, 0, MidpointRounding.AwayFromZero), culture, "+#,0;-#,0;0"),
                LeadTexts.Percent(m.Node.Figures!.ProgressPercent, culture))),
    ];

    private static string KgiText(RollupNode kgi, CultureInfo culture)
    {
        var f = kgi.Figures!;
        var figures = ProgressLines.Figures(kgi, f, culture);
        var percent = LeadTexts.Percent(f.ProgressPercent, culture);
        return f.Pace is { } pace && f.Forecast is { } forecast
            ? T(nameof(LeadText.Digest_Kgi), culture, kgi.Node.Title, figures, percent, LeadTexts.Percent(pace * 100m, culture),
                QuantityFormatter.Format(forecast, kgi.Node, culture), Dates.DayWithYear(((Kgi)kgi.Node).Deadline, culture))
            : T(nameof(LeadText.Digest_KgiNoPace), culture, kgi.Node.Title, figures, percent);
    }

    private static ViewSection Section(string headingKey, IReadOnlyList<string> items, CultureInfo culture, int max = ListCount) =>
        new(LeadTexts.Get(headingKey, culture), LeadTexts.Capped(items, culture, max));

    private static string T(string key, CultureInfo culture, params object?[] args) => LeadTexts.Format(key, culture, args);
}
