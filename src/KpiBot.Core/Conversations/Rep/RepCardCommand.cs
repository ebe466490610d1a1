using System.Globalization;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Rep;

/// <summary>
/// What a rep's commands about their own check-in card (<c>checkin</c>, <c>skip</c>, <c>same</c>, <c>later</c>)
/// share: their words, the rep role, and a help line of two <see cref="ConversationText"/> resources.
/// </summary>
public abstract class RepCardCommand(string name, IReadOnlyList<string> aliases, string usageKey, string helpKey) : ICommandHandler
{
    public string Name => name;

    public IReadOnlyList<string> Aliases { get; } = aliases;

    public Role MinimumRole => Role.Rep;

    public HelpItem Help(CultureInfo culture) => new(Texts.Get(usageKey, culture), Texts.Get(helpKey, culture));

    public abstract Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken);
}
