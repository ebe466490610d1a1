using KpiBot.Core.CheckIns;
using KpiBot.Core.Delivery;
using KpiBot.Core.Resources;
using KpiBot.Core.Scheduling;

namespace KpiBot.Core.Conversations.Lead;

/// <summary>
/// <c>remind</c>: nudges now the team's reps who have not answered today (a working day for them, not off,
/// nothing recorded, not skipped). Uses the schedule's daily-reminder key, so nobody is nudged twice a day.
/// </summary>
public sealed class RemindCommand(IDayStore days, IDeliveryStore deliveries, IDeliveryQueue queue)
    : TodaySendCommand(days, deliveries, queue)
{
    public override string Name => "remind";

    public override IReadOnlyList<string> Aliases { get; } = ["リマインド"];

    protected override OccurrenceKind Kind => OccurrenceKind.DailyReminder;

    protected override (string Usage, string Description, string Nobody, string Done, string Already) Texts =>
        (nameof(LeadText.Help_Remind_Usage), nameof(LeadText.Help_Remind_Description),
            nameof(LeadText.Remind_Nobody), nameof(LeadText.Remind_Done), nameof(LeadText.Remind_Already));

    protected override bool Selects(DayState state) => state == DayState.None;
}
