using System.Globalization;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Rollup;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Lead;

/// <summary><c>status @person</c>: one person's KPIs and KDIs, today's state and open blocker. Private outside a DM.</summary>
internal sealed class PersonStatus(RollupService rollup, IDayStore days, IBlockerStore blockers)
{
    public async Task<ChatReply> ShowAsync(CommandContext context, Person person, CancellationToken ct)
    {
        var culture = context.Culture;
        var model = context.Model;
        var timeOff = await RepDays.TimeOffAsync(model, [person.Id], context.Today, days, ct).ConfigureAwait(false);
        var report = await rollup.ComputeAsync(model, new RollupRequest(context.Today, person.TeamId, TimeOff: timeOff), ct).ConfigureAwait(false);
        var figures = report.ForPerson(person.Id);
        var lines = figures
            .Select(f => ProgressLines.Line(f.Node, f.Figures, f.Node.Node.Kind == GoalKind.Kdi ? 1 : 0, culture))
            .ToList();
        var items = figures.Select(f => TeamStatus.PersonItem(f.Node.Node.Title, f.Node, f.Figures, culture)).ToList();
        var today = (await RepDays.TodayAsync(model, [person], context.Now, days, ct).ConfigureAwait(false))[0];
        var open = await blockers.OpenAsync([person.Id], ct).ConfigureAwait(false);
        var title = LeadTexts.Format(nameof(LeadText.Person_Title), culture, person.DisplayName);
        ViewSection[] sections =
        [
            new(LeadTexts.Get(nameof(LeadText.Section_Today), culture), [DayWord(today, culture)]),
            new(LeadTexts.Get(nameof(LeadText.Section_Blockers), culture),
                LeadTexts.Capped([.. open.Select(b => TeamStatus.BlockerItem(model, b, culture))], culture)),
        ];
        var body = items.Count == 0
            ? LeadTexts.Format(nameof(LeadText.Person_NoFigures), culture, person.DisplayName)
            : string.Join('\n', lines.Zip(items, (l, i) => new string(' ', l.Depth * 2) + i));
        var view = new PersonalProgressView(LeadTexts.Compose(title, body, sections), title, lines, sections);
        return ChatReply.Say(view, context.Kind == ConversationKind.Personal ? ReplyVisibility.Conversation : ReplyVisibility.Private);
    }

    private static string DayWord(RepDay day, CultureInfo culture) => LeadTexts.Get(
        day.State switch
        {
            DayState.Answered => nameof(LeadText.Day_Answered),
            DayState.Skipped => nameof(LeadText.Day_Skipped),
            DayState.Off => nameof(LeadText.Day_Off),
            _ when !day.IsWorkingDay => nameof(LeadText.Day_NotWorking),
            _ => nameof(LeadText.Day_None),
        },
        culture);
}
