using System.Globalization;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Delivery;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Scheduling;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Lead;

/// <summary>
/// <c>remind</c>: nudges now the team's reps who have not answered today (a working day for them, not off,
/// nothing recorded, not skipped). Uses the schedule's daily-reminder key, so nobody is nudged twice a day.
/// </summary>
public sealed class RemindCommand(IDayStore days, IDeliveryStore deliveries, IDeliveryQueue queue) : ICommandHandler
{
    private readonly IDayStore _days = days ?? throw new ArgumentNullException(nameof(days));
    private readonly IDeliveryStore _deliveries = deliveries ?? throw new ArgumentNullException(nameof(deliveries));
    private readonly IDeliveryQueue _queue = queue ?? throw new ArgumentNullException(nameof(queue));

    public string Name => "remind";

    public IReadOnlyList<string> Aliases { get; } = ["リマインド"];

    public Role MinimumRole => Role.Lead;

    public HelpItem Help(CultureInfo culture) =>
        LeadTexts.Help(nameof(LeadText.Help_Remind_Usage), nameof(LeadText.Help_Remind_Description), culture);

    public async Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var culture = context.Culture;
        if (TodayClaims.TeamFor(context, arguments) is not { } team)
        {
            return ChatReply.Say(new ErrorView(LeadTexts.Format(
                nameof(LeadText.Link_UnknownTeam), culture, arguments.Trim(), TeamList.Of(context.Model, culture))));
        }

        var reps = TodayClaims.HasDailyKdis(context.Model, team.Id) ? RepDays.RepsOf(context.Model, team.Id).ToList() : [];
        var today = await RepDays.TodayAsync(context.Model, reps, context.Now, _days, cancellationToken).ConfigureAwait(false);
        var unanswered = today.Where(d => d.IsWorkingDay && d.State == DayState.None).ToList();
        if (unanswered.Count == 0)
        {
            return ChatReply.Say(new MessageView(LeadTexts.Get(nameof(LeadText.Remind_Nobody), culture)));
        }

        var result = await TodayClaims.ClaimAsync(
            OccurrenceKind.DailyReminder, unanswered, context.Now, _deliveries, _queue, cancellationToken).ConfigureAwait(false);

        var text = LeadTexts.Format(nameof(LeadText.Remind_Done), culture, result.Claimed);
        if (result.AlreadyClaimed > 0)
        {
            text += " " + LeadTexts.Format(nameof(LeadText.Remind_Already), culture, result.AlreadyClaimed);
        }

        return ChatReply.Say(new MessageView(text));
    }
}
