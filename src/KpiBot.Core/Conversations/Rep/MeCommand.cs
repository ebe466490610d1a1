using System.Globalization;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Rep;

/// <summary><c>me</c>: the person's own progress — each KDI today and this week, their streak, and what each working day must bring for the rest of the month.</summary>
public sealed class MeCommand(ICheckInRepository checkIns, ICheckInTotals totals, IDayStore days) : ICommandHandler
{
    private readonly PersonalProgress _progress = new(
        checkIns ?? throw new ArgumentNullException(nameof(checkIns)),
        totals ?? throw new ArgumentNullException(nameof(totals)),
        days ?? throw new ArgumentNullException(nameof(days)));

    public string Name => "me";

    public IReadOnlyList<string> Aliases { get; } = ["自分", "私", "mine"];

    public Role MinimumRole => Role.Rep;

    public HelpItem Help(CultureInfo culture) => new(
        Texts.Get(nameof(ConversationText.Help_Me_Usage), culture), Texts.Get(nameof(ConversationText.Help_Me), culture));

    public async Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var view = await _progress.BuildAsync(context, cancellationToken).ConfigureAwait(false);
        return ChatReply.Say(
            view ?? (ChatView)new MessageView(Texts.Get(nameof(ConversationText.Me_NoKdis), context.Culture)), ReplyVisibility.Private);
    }
}
