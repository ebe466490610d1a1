using System.Globalization;
using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Rep;

/// <summary><c>same</c>: records for today the numbers of the last day the person answered.</summary>
public sealed class SameCommand(CardSubmissions cards) : ICommandHandler
{
    private readonly CardSubmissions _cards = cards ?? throw new ArgumentNullException(nameof(cards));

    public string Name => "same";

    public IReadOnlyList<string> Aliases { get; } = ["同じ", "前回と同じ"];

    public Role MinimumRole => Role.Rep;

    public HelpItem Help(CultureInfo culture) => new(
        Texts.Get(nameof(ConversationText.Help_Same_Usage), culture), Texts.Get(nameof(ConversationText.Help_Same), culture));

    public async Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await _cards.SameAsync(context, context.Today, KdiCadence.Daily, cancellationToken).ConfigureAwait(false);
        return ChatReply.Say(result.View, ReplyVisibility.Private);
    }
}
