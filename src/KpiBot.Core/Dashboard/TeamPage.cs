using System.Globalization;
using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Conversations.Lead;
using KpiBot.Core.Goals;
using KpiBot.Core.Rollup;

namespace KpiBot.Core.Dashboard;

/// <summary>A cell of the participation heat map. <see cref="Pending"/>: today, not answered yet (not missed before the day ends).</summary>
public enum HeatState
{
    Answered,
    Skipped,
    Off,
    Missed,
    Pending,
}

/// <summary>One person's row of the heat map: a state per working day of the range, and how many of the days asked were answered.</summary>
public sealed record HeatRow(Person Person, IReadOnlyList<HeatState> Cells, int Answered, int Asked);

/// <summary>Someone behind on one of the team's KDIs: "Calls: 35 / 60 calls in November", "at risk".</summary>
public sealed record BehindItem(Person Person, string NodeId, string NodeTitle, string FiguresText, ProgressStatus Status, string StatusText);

/// <summary>An open blocker: who, since when (as the reader writes dates), and what they wrote.</summary>
public sealed record BlockerItem(Person Person, string SinceText, string? Note);

/// <summary>A team's people page: the heat map over <see cref="Days"/>, open blockers, and who is behind.</summary>
public sealed record TeamPageView(
    Team Team, DateOnly AsOf, IReadOnlyList<DateOnly> Days, IReadOnlyList<HeatRow> Rows,
    IReadOnlyList<BlockerItem> Blockers, IReadOnlyList<BehindItem> Behind);

/// <summary>
/// Builds the team page from the store's day states (one read for the range's people and days), the open blockers
/// (one read) and the team's rollup as chat's <c>status</c> computes it.
/// </summary>
public sealed class TeamPageBuilder(TreePageBuilder tree, IDayStore days, IBlockerStore blockers)
{
    /// <summary>The heat map shows four weeks: the as-of day's week and the three before it.</summary>
    public const int Weeks = 4;

    private readonly TreePageBuilder _tree = tree ?? throw new ArgumentNullException(nameof(tree));
    private readonly IDayStore _days = days ?? throw new ArgumentNullException(nameof(days));
    private readonly IBlockerStore _blockers = blockers ?? throw new ArgumentNullException(nameof(blockers));

    /// <param name="today">The reader's today: later days are not shown, today's unanswered days are pending, not missed.</param>
    public async Task<TeamPageView> BuildAsync(GoalsModel model, Team team, DateOnly asOf, DateOnly today, CultureInfo culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(team);
        var (first, last) = Range(team, asOf, today);
        var workingDays = WorkCalendar.For(team).WorkingDays(first, last).ToList();
        var reps = RepDays.RepsOf(model, team.Id).OrderBy(p => p.DisplayName, StringComparer.Create(culture, ignoreCase: true)).ToList();
        var ids = reps.Select(p => p.Id).ToList();

        var states = new Dictionary<(string, DateOnly), DayState>();
        foreach (var day in await _days.HistoryAsync(ids, first, last, ct).ConfigureAwait(false))
        {
            states[(day.PersonId, day.Day)] = day.State;
        }

        var rows = reps.Select(person => Row(person, workingDays, states, today)).ToList();
        var open = await _blockers.OpenAsync(ids, ct).ConfigureAwait(false);
        var blockerItems = open
            .Where(b => model.PeopleById.ContainsKey(b.PersonId))
            .OrderBy(b => b.Day)
            .Select(b => new BlockerItem(model.PeopleById[b.PersonId], LeadTexts.MonthDay(b.Day, culture), b.Note))
            .ToList();

        var report = await _tree.ReportAsync(model, team, null, asOf, ct).ConfigureAwait(false);
        return new TeamPageView(team, asOf, workingDays, rows, blockerItems, Behind(model, report, culture));
    }

    /// <summary>The heat map's days: from the Monday (the team's week start) three weeks before, to the as-of day (never after today).</summary>
    internal static (DateOnly First, DateOnly Last) Range(Team team, DateOnly asOf, DateOnly today)
    {
        var last = asOf < today ? asOf : today;
        return (PeriodWindow.Containing(PeriodKind.Week, last, default, team.WeekStart).Start.AddDays(-7 * (Weeks - 1)), last);
    }

    internal static HeatRow Row(Person person, IReadOnlyList<DateOnly> workingDays, Dictionary<(string, DateOnly), DayState> states, DateOnly today)
    {
        var cells = new List<HeatState>(workingDays.Count);
        int answered = 0, asked = 0;
        foreach (var day in workingDays)
        {
            var cell = states.GetValueOrDefault((person.Id, day)) switch
            {
                DayState.Answered => HeatState.Answered,
                DayState.Skipped => HeatState.Skipped,
                DayState.Off => HeatState.Off,
                _ => day < today ? HeatState.Missed : HeatState.Pending,
            };
            cells.Add(cell);
            answered += cell == HeatState.Answered ? 1 : 0;
            asked += cell is HeatState.Answered or HeatState.Skipped or HeatState.Missed ? 1 : 0;
        }

        return new HeatRow(person, cells, answered, asked);
    }

    /// <summary>Each rep behind (at risk or off track) on one of the team's KDIs, the furthest behind first.</summary>
    private static List<BehindItem> Behind(GoalsModel model, RollupReport report, CultureInfo culture) =>
    [
        .. report.Nodes
            .Where(n => n.Node.Kind == GoalKind.Kdi)
            .SelectMany(n => n.People
                .Where(p => ProgressLines.IsBehind(p.Value) && model.PeopleById.ContainsKey(p.Key))
                .Select(p => (Node: n, Person: model.PeopleById[p.Key], Figures: p.Value)))
            .OrderBy(x => x.Figures.Status == ProgressStatus.OffTrack ? 0 : 1)
            .ThenBy(x => x.Figures.Pace ?? x.Figures.Fraction ?? 0m)
            .Select(x => new BehindItem(
                x.Person, x.Node.Node.Id, x.Node.Node.Title, ProgressLines.Figures(x.Node, x.Figures, culture),
                x.Figures.Status, StatusText.For(x.Figures.Status, culture))),
    ];
}
