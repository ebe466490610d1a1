using System.Globalization;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Delivery;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Scheduling;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Lead;

/// <summary>
/// <c>start</c>: sends today's daily prompts now to the team's reps for whom today (their local day) is a
/// working day and who are not off. Same keys as the schedule: a prompt already sent is not sent again.
/// </summary>
public sealed class StartCommand(IDayStore days, IDeliveryStore deliveries, IDeliveryQueue queue) : ICommandHandler
{
    private readonly IDayStore _days = days ?? throw new ArgumentNullException(nameof(days));
    private readonly IDeliveryStore _deliveries = deliveries ?? throw new ArgumentNullException(nameof(deliveries));
    private readonly IDeliveryQueue _queue = queue ?? throw new ArgumentNullException(nameof(queue));

    public string Name => "start";

    public IReadOnlyList<string> Aliases { get; } = ["開始"];

    public Role MinimumRole => Role.Lead;

    public HelpItem Help(CultureInfo culture) =>
        LeadTexts.Help(nameof(LeadText.Help_Start_Usage), nameof(LeadText.Help_Start_Description), culture);

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
        var asked = today.Where(d => d.IsWorkingDay && d.State != DayState.Off).ToList();
        if (asked.Count == 0)
        {
            return ChatReply.Say(new MessageView(LeadTexts.Get(nameof(LeadText.Start_Nobody), culture)));
        }

        var result = await TodayClaims.ClaimAsync(
            OccurrenceKind.DailyPrompt, asked, context.Now, _deliveries, _queue, cancellationToken).ConfigureAwait(false);
        var text = LeadTexts.Format(nameof(LeadText.Start_Done), culture, result.Claimed);
        if (result.AlreadyClaimed > 0)
        {
            text += " " + LeadTexts.Format(nameof(LeadText.Start_Already), culture, result.AlreadyClaimed);
        }

        return ChatReply.Say(new MessageView(text));
    }
}
