using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Conversations.Rep;

/// <summary><c>skip [reason]</c>: no numbers today, with a reason; the day still counts as asked.</summary>
public sealed class SkipCommand(CardSubmissions cards)
    : RepCardCommand("skip", ["スキップ", "パス"], nameof(ConversationText.Help_Skip_Usage), nameof(ConversationText.Help_Skip))
{
    private readonly CardSubmissions _cards = cards ?? throw new ArgumentNullException(nameof(cards));

    public override async Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await _cards.SkipAsync(context, context.Today, KdiCadence.Daily, arguments, cancellationToken).ConfigureAwait(false);
        return ChatReply.Say(result.View, ReplyVisibility.Private);
    }
}
