using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Cards;

/// <summary>
/// The chat side of the response window (<see cref="ResponseWindow"/>): a card day past it is closed to answers
/// and changes in chat, with a message that says so and whom to ask. The command line and the API are not limited.
/// </summary>
internal static class ClosedDays
{
    /// <summary>The refusal for a card day past the team's response window; null while it is open.</summary>
    public static RecordReply? Refusal(CommandContext context, DateOnly day, KdiCadence cadence)
    {
        var cardDay = CardKdis.CardDay(context.Model, context.Person, cadence, day);
        if (ResponseWindow.IsOpen(context.Model, context.Person, cadence, cardDay, context.Today))
        {
            return null;
        }

        var window = context.Model.TeamsById.GetValueOrDefault(context.Person.TeamId)?.ScheduleOrDefault.ResponseWindow
            ?? CheckInSchedule.DefaultResponseWindow;
        return RecordReply.Refused(new ErrorView(Texts.Format(nameof(ConversationText.Window_Closed), context.Culture, cardDay, window)));
    }
}
