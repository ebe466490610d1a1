using KpiBot.Core.CheckIns;
using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Rep;

/// <summary>Opens a person's cards for a day as replies: the daily card, and the weekly card of that week when they have weekly KDIs.</summary>
internal static class CardOpener
{
    public static async Task<ChatReply> OpenAsync(CheckInPrompts prompts, CommandContext context, string arguments, CancellationToken ct)
    {
        var (day, error) = DayArgument.Parse(context, arguments);
        if (error is not null)
        {
            return ChatReply.Say(new ErrorView(error), ReplyVisibility.Private);
        }

        var replies = new List<Reply>();
        RecordReply? closed = null;
        foreach (var cadence in new[] { KdiCadence.Daily, KdiCadence.Weekly })
        {
            var cardDay = CardKdis.CardDay(context.Model, context.Person, cadence, day);
            if (ClosedDays.Refusal(context, day, cadence) is { } refusal)
            {
                closed ??= refusal;
                continue;
            }

            var key = CardOccurrences.KeyFor(context.Person.Id, cadence, cardDay);
            var card = await prompts.BuildAsync(context.Model, context.Person, day, cadence, key, context.Culture, ct).ConfigureAwait(false);
            if (card is not null)
            {
                replies.Add(new Reply(card, ReplyVisibility.Private));
            }
        }

        if (replies.Count == 0 && closed is not null)
        {
            return ChatReply.Say(closed.View, ReplyVisibility.Private);
        }

        return replies.Count > 0
            ? new ChatReply(replies)
            : ChatReply.Say(new MessageView(Texts.Format(nameof(ConversationText.Card_NothingToRecord), context.Culture, day)), ReplyVisibility.Private);
    }
}
