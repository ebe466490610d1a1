using KpiBot.Core.CheckIns;
using KpiBot.Core.Delivery;
using KpiBot.Core.Resources;
using KpiBot.Core.Scheduling;

namespace KpiBot.Core.Conversations.Lead;

/// <summary>
/// <c>start</c>: sends today's daily prompts now to the team's reps for whom today (their local day) is a
/// working day and who are not off. Same keys as the schedule: a prompt already sent is not sent again.
/// </summary>
public sealed class StartCommand(IDayStore days, IDeliveryStore deliveries, IDeliveryQueue queue)
    : TodaySendCommand(days, deliveries, queue)
{
    public override string Name => "start";

    public override IReadOnlyList<string> Aliases { get; } = ["開始"];

    protected override OccurrenceKind Kind => OccurrenceKind.DailyPrompt;

    protected override (string Usage, string Description, string Nobody, string Done, string Already) Texts =>
        (nameof(LeadText.Help_Start_Usage), nameof(LeadText.Help_Start_Description),
            nameof(LeadText.Start_Nobody), nameof(LeadText.Start_Done), nameof(LeadText.Start_Already));

    protected override bool Selects(DayState state) => state != DayState.Off;
}
