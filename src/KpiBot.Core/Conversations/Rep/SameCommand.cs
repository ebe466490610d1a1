using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Conversations.Rep;

/// <summary><c>same</c>: records for today the numbers of the last day the person answered.</summary>
public sealed class SameCommand(CardSubmissions cards)
    : RepCardCommand("same", ["同じ", "前回と同じ"], nameof(ConversationText.Help_Same_Usage), nameof(ConversationText.Help_Same))
{
    private readonly CardSubmissions _cards = cards ?? throw new ArgumentNullException(nameof(cards));

    public override async Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await _cards.SameAsync(context, context.Today, KdiCadence.Daily, cancellationToken).ConfigureAwait(false);
        return ChatReply.Say(result.View, ReplyVisibility.Private);
    }
}
