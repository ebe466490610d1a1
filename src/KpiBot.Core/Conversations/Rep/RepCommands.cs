using KpiBot.Core.CheckIns;
using KpiBot.Core.Conversations.Cards;

namespace KpiBot.Core.Conversations.Rep;

/// <summary>The rep commands (<c>checkin</c>, <c>edit</c>, <c>skip</c>, <c>same</c>, <c>off</c>, <c>me</c>) over one set of stores; <c>help</c> comes with the router.</summary>
public static class RepCommands
{
    public static IReadOnlyList<ICommandHandler> Create(
        CheckInPrompts prompts, CardSubmissions cards, ICheckInRepository checkIns, IDayStore days, ICheckInTotals totals) =>
    [
        new CheckInCommand(prompts),
        new EditCommand(prompts),
        new SkipCommand(cards),
        new SameCommand(cards),
        new OffCommand(days),
        new MeCommand(checkIns, totals, days),
    ];
}
