using System.Globalization;
using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Rep;

/// <summary><c>later 30m | 1h | 2h | 17:30</c>: today's check-in card again later, once (as the card's "Later" choice).</summary>
public sealed class LaterCommand(Snoozes snoozes) : ICommandHandler
{
    private readonly Snoozes _snoozes = snoozes ?? throw new ArgumentNullException(nameof(snoozes));

    public string Name => "later";

    public IReadOnlyList<string> Aliases { get; } = ["snooze", "あとで", "後で"];

    public Role MinimumRole => Role.Rep;

    public HelpItem Help(CultureInfo culture) => new(
        Texts.Get(nameof(ConversationText.Help_Later_Usage), culture), Texts.Get(nameof(ConversationText.Help_Later), culture));

    public async Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var view = await _snoozes.LaterAsync(context, context.Today, KdiCadence.Daily, arguments, cancellationToken).ConfigureAwait(false);
        return ChatReply.Say(view, ReplyVisibility.Private);
    }
}
