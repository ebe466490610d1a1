using System.Globalization;
using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Rep;

/// <summary><c>skip [reason]</c>: no numbers today, with a reason; the day still counts as asked.</summary>
public sealed class SkipCommand(CardSubmissions cards) : ICommandHandler
{
    private readonly CardSubmissions _cards = cards ?? throw new ArgumentNullException(nameof(cards));

    public string Name => "skip";

    public IReadOnlyList<string> Aliases { get; } = ["スキップ", "パス"];

    public Role MinimumRole => Role.Rep;

    public HelpItem Help(CultureInfo culture) => new(
        Texts.Get(nameof(ConversationText.Help_Skip_Usage), culture), Texts.Get(nameof(ConversationText.Help_Skip), culture));

    public async Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await _cards.SkipAsync(context, context.Today, KdiCadence.Daily, arguments, cancellationToken).ConfigureAwait(false);
        return ChatReply.Say(result.View, ReplyVisibility.Private);
    }
}
