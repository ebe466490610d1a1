using System.Globalization;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Delivery;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Rollup;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Lead;

/// <summary>
/// The views of <c>status</c> for a team (or all teams) and for one goal. In a DM everything goes in one view;
/// in a channel the public view carries team totals and counts only, and a private view carries the names.
/// </summary>
internal sealed class TeamStatus(RollupService rollup, IDayStore days, IBlockerStore blockers, IDeliveryStore deliveries)
{
    public async Task<RollupReport> ReportAsync(CommandContext context, string? teamId, CancellationToken ct)
    {
        var ids = RepDays.RepsOf(context.Model, teamId).Select(p => p.Id).ToList();
        var timeOff = await RepDays.TimeOffAsync(context.Model, ids, context.Today, days, ct).ConfigureAwait(false);
        return await rollup.ComputeAsync(context.Model, new RollupRequest(context.Today, teamId, TimeOff: timeOff), ct).ConfigureAwait(false);
    }

    public async Task<ChatReply> TeamAsync(CommandContext context, Team? team, CancellationToken ct)
    {
        var culture = context.Culture;
        var report = await ReportAsync(context, team?.Id, ct).ConfigureAwait(false);
        var reps = RepDays.RepsOf(context.Model, team?.Id).ToList();
        var ids = reps.Select(p => p.Id).ToList();
        var today = await RepDays.TodayAsync(context.Model, reps, context.Now, days, ct).ConfigureAwait(false);
        var unreachable = await deliveries.UnreachableAsync(ids, ct).ConfigureAwait(false);
        var missing = today
            .Where(d => (d.IsWorkingDay && d.State == DayState.None) || (unreachable.Contains(d.Person.Id) && d.State != DayState.Answered))
            .Select(d => unreachable.Contains(d.Person.Id)
                ? LeadTexts.Format(nameof(LeadText.Item_Unreachable), culture, d.Person.DisplayName)
                : d.Person.DisplayName)
            .ToList();
        var open = await blockers.OpenAsync(ids, ct).ConfigureAwait(false);
        var blockerItems = open.Select(b => BlockerItem(context.Model, b, culture)).ToList();

        var scope = team?.Name ?? LeadTexts.Get(nameof(LeadText.Status_AllTeams), culture);
        var title = LeadTexts.Format(nameof(LeadText.Status_Title), culture, scope);
        var lines = ProgressLines.Tree(report.Roots, culture);
        var tree = TreeTextRenderer.Render(context.Model, report, culture);
        var behind = Section(nameof(LeadText.Section_Behind), BehindItems(report.Nodes, culture), culture);
        var missingNamed = Section(nameof(LeadText.Section_NotAnswered), missing, culture);
        var blockersNamed = Section(nameof(LeadText.Section_Blockers), blockerItems, culture);
        ViewSection[] rates = RatesSection(report, culture);
        if (context.Kind == ConversationKind.Personal)
        {
            ViewSection[] all = [behind, .. rates, missingNamed, blockersNamed];
            return ChatReply.Say(new StatusView(LeadTexts.Compose(title, tree, all), title, lines, all));
        }

        ViewSection[] totals =
        [
            behind,
            .. rates,
            new(missingNamed.Heading, [LeadTexts.Format(nameof(LeadText.Item_People), culture, missing.Count)]),
            new(blockersNamed.Heading, [LeadTexts.Format(nameof(LeadText.Item_People), culture, open.Count)]),
        ];
        var note = LeadTexts.Get(nameof(LeadText.Status_DetailsSentPrivately), culture);
        var detailsTitle = LeadTexts.Format(nameof(LeadText.Status_DetailsTitle), culture, scope);
        ViewSection[] named = [missingNamed, blockersNamed];
        return new ChatReply(
        [
            new Reply(new StatusView(LeadTexts.Compose(title, tree, totals) + "\n\n" + note, title, lines, totals)),
            new Reply(new StatusView(LeadTexts.Compose(detailsTitle, null, named), detailsTitle, [], named), ReplyVisibility.Private),
        ]);
    }

    /// <summary>One goal and its subtree; per-person figures of the goal go privately when asked in a channel.</summary>
    public static ChatReply Node(CommandContext context, RollupNode node)
    {
        var culture = context.Culture;
        var sub = new RollupReport(context.Today, [node]);
        var title = LeadTexts.Format(nameof(LeadText.Status_Title), culture, node.Node.Title);
        var lines = ProgressLines.Tree([node], culture);
        var tree = TreeTextRenderer.Render(context.Model, sub, culture);
        ViewSection[] behind = [Section(nameof(LeadText.Section_Behind), BehindItems(sub.Nodes, culture), culture), .. RatesSection(sub, culture)];
        var people = context.Model.People
            .Where(p => node.People.ContainsKey(p.Id))
            .Select(p => PersonItem(p.DisplayName, node, node.People[p.Id], culture))
            .ToList();
        if (people.Count == 0)
        {
            return ChatReply.Say(new StatusView(LeadTexts.Compose(title, tree, behind), title, lines, behind));
        }

        var byPerson = Section(nameof(LeadText.Section_ByPerson), people, culture);
        if (context.Kind == ConversationKind.Personal)
        {
            ViewSection[] all = [.. behind, byPerson];
            return ChatReply.Say(new StatusView(LeadTexts.Compose(title, tree, all), title, lines, all));
        }

        var note = LeadTexts.Get(nameof(LeadText.Status_DetailsSentPrivately), culture);
        var detailsTitle = LeadTexts.Format(nameof(LeadText.Status_DetailsTitle), culture, node.Node.Title);
        return new ChatReply(
        [
            new Reply(new StatusView(LeadTexts.Compose(title, tree, behind) + "\n\n" + note, title, lines, behind)),
            new Reply(new StatusView(LeadTexts.Compose(detailsTitle, null, [byPerson]), detailsTitle, [], [byPerson]), ReplyVisibility.Private),
        ]);
    }

    public static string PersonItem(string name, RollupNode node, ProgressFigures figures, CultureInfo culture) =>
        LeadTexts.Format(
            nameof(LeadText.Item_Person), culture, name, ProgressLines.Figures(node, figures, culture),
            LeadTexts.Percent(figures.ProgressPercent, culture) + ", " + StatusText.For(figures.Status, culture));

    public static string BlockerItem(GoalsModel model, Blocker blocker, CultureInfo culture)
    {
        var name = model.PeopleById.TryGetValue(blocker.PersonId, out var person) ? person.DisplayName : blocker.PersonId;
        var since = LeadTexts.MonthDay(blocker.Day, culture);
        return string.IsNullOrWhiteSpace(blocker.Note)
            ? LeadTexts.Format(nameof(LeadText.Item_BlockerNoNote), culture, name, since)
            : LeadTexts.Format(nameof(LeadText.Item_Blocker), culture, name, blocker.Note, since);
    }

    /// <summary>The conversion-rate warnings as a section, or nothing when no conversion is far below plan.</summary>
    public static ViewSection[] RatesSection(RollupReport report, CultureInfo culture) =>
        OutcomeLines.Warnings(report, culture) is { Count: > 0 } warnings
            ? [new ViewSection(OutcomeLines.Heading(culture), LeadTexts.Capped(warnings, culture))]
            : [];

    private static List<string> BehindItems(IEnumerable<RollupNode> nodes, CultureInfo culture) =>
        [.. nodes.Where(n => n.Node.Kind == GoalKind.Kdi && ProgressLines.IsBehind(n.Figures)).Select(n => ProgressLines.Behind(n, culture))];

    private static ViewSection Section(string headingKey, IReadOnlyList<string> items, CultureInfo culture) =>
        new(LeadTexts.Get(headingKey, culture), LeadTexts.Capped(items, culture));
}
