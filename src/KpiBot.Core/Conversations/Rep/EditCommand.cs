using System.Globalization;
using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Rep;

/// <summary>
/// <c>edit [day]</c>: opens the card of that day (today by default) with the values already recorded;
/// submitting it updates them (each change is a new revision, audited by the store).
/// </summary>
public sealed class EditCommand(CheckInPrompts prompts) : ICommandHandler
{
    private readonly CheckInPrompts _prompts = prompts ?? throw new ArgumentNullException(nameof(prompts));

    public string Name => "edit";

    public IReadOnlyList<string> Aliases { get; } = ["修正", "編集"];

    public Role MinimumRole => Role.Rep;

    public HelpItem Help(CultureInfo culture) => new(
        Texts.Get(nameof(ConversationText.Help_Edit_Usage), culture), Texts.Get(nameof(ConversationText.Help_Edit), culture));

    public Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CardOpener.OpenAsync(_prompts, context, arguments ?? string.Empty, cancellationToken);
    }
}
