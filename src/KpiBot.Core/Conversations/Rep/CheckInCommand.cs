using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Conversations.Rep;

/// <summary><c>checkin [yesterday | 2026-11-26]</c>: opens the check-in card of today or of a past day, as a reply.</summary>
public sealed class CheckInCommand(CheckInPrompts prompts)
    : RepCardCommand("checkin", ["check-in", "ci", "チェックイン", "報告"], nameof(ConversationText.Help_CheckIn_Usage), nameof(ConversationText.Help_CheckIn))
{
    private readonly CheckInPrompts _prompts = prompts ?? throw new ArgumentNullException(nameof(prompts));

    public override Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CardOpener.OpenAsync(_prompts, context, arguments ?? string.Empty, cancellationToken);
    }
}
