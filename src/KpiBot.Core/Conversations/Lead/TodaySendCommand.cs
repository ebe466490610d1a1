using System.Globalization;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Delivery;
using KpiBot.Core.Goals;
using KpiBot.Core.Scheduling;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Lead;

/// <summary>
/// A lead's "send it now" for the team's reps on their local today (<c>start</c>, <c>remind</c>): claims the
/// schedule's own occurrence keys, so whatever was already sent today is not sent again, and queues the rest.
/// </summary>
public abstract class TodaySendCommand(IDayStore days, IDeliveryStore deliveries, IDeliveryQueue queue) : ICommandHandler
{
    private readonly IDayStore _days = days ?? throw new ArgumentNullException(nameof(days));
    private readonly IDeliveryStore _deliveries = deliveries ?? throw new ArgumentNullException(nameof(deliveries));
    private readonly IDeliveryQueue _queue = queue ?? throw new ArgumentNullException(nameof(queue));

    public abstract string Name { get; }

    public abstract IReadOnlyList<string> Aliases { get; }

    public Role MinimumRole => Role.Lead;

    /// <summary>The occurrence kind claimed for each selected rep.</summary>
    protected abstract OccurrenceKind Kind { get; }

    /// <summary>Resource keys: help usage and description, nobody to send to, sent to {0}, {0} already had it.</summary>
    protected abstract (string Usage, string Description, string Nobody, string Done, string Already) Texts { get; }

    /// <summary>Whether a rep whose today is a working day in this state gets it.</summary>
    protected abstract bool Selects(DayState state);

    public HelpItem Help(CultureInfo culture) => LeadTexts.Help(Texts.Usage, Texts.Description, culture);

    public async Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var culture = context.Culture;
        if (TodayClaims.TeamFor(context, arguments) is not { } team)
        {
            return ChatReply.Say(new ErrorView(LeadTexts.Format(
                nameof(Resources.LeadText.Link_UnknownTeam), culture, arguments.Trim(), TeamList.Of(context.Model, culture))));
        }

        var reps = TodayClaims.HasDailyKdis(context.Model, team.Id) ? RepDays.RepsOf(context.Model, team.Id).ToList() : [];
        var today = await RepDays.TodayAsync(context.Model, reps, context.Now, _days, cancellationToken).ConfigureAwait(false);
        var selected = today.Where(d => d.IsWorkingDay && Selects(d.State)).ToList();
        if (selected.Count == 0)
        {
            return ChatReply.Say(new MessageView(LeadTexts.Get(Texts.Nobody, culture)));
        }

        var result = await TodayClaims.ClaimAsync(Kind, selected, context.Now, _deliveries, _queue, cancellationToken).ConfigureAwait(false);
        var text = LeadTexts.Format(Texts.Done, culture, result.Claimed);
        if (result.AlreadyClaimed > 0)
        {
            text += " " + LeadTexts.Format(Texts.Already, culture, result.AlreadyClaimed);
        }

        return ChatReply.Say(new MessageView(text));
    }
}
