using System.Globalization;
using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Rep;

/// <summary><c>checkin [yesterday | 2026-11-26]</c>: opens the check-in card of today or of a past day, as a reply.</summary>
public sealed class CheckInCommand(CheckInPrompts prompts) : ICommandHandler
{
    private readonly CheckInPrompts _prompts = prompts ?? throw new ArgumentNullException(nameof(prompts));

    public string Name => "checkin";

    public IReadOnlyList<string> Aliases { get; } = ["check-in", "ci", "チェックイン", "報告"];

    public Role MinimumRole => Role.Rep;

    public HelpItem Help(CultureInfo culture) => new(
        Texts.Get(nameof(ConversationText.Help_CheckIn_Usage), culture), Texts.Get(nameof(ConversationText.Help_CheckIn), culture));

    public Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CardOpener.OpenAsync(_prompts, context, arguments ?? string.Empty, cancellationToken);
    }
}
