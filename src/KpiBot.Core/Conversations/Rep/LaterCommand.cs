using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Conversations.Rep;

/// <summary><c>later 30m | 1h | 2h | 17:30</c>: today's check-in card again later, once (as the card's "Later" choice).</summary>
public sealed class LaterCommand(Snoozes snoozes)
    : RepCardCommand("later", ["snooze", "あとで", "後で"], nameof(ConversationText.Help_Later_Usage), nameof(ConversationText.Help_Later))
{
    private readonly Snoozes _snoozes = snoozes ?? throw new ArgumentNullException(nameof(snoozes));

    public override async Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var view = await _snoozes.LaterAsync(context, context.Today, KdiCadence.Daily, arguments, cancellationToken).ConfigureAwait(false);
        return ChatReply.Say(view, ReplyVisibility.Private);
    }
}
