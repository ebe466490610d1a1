using System.Globalization;
using KpiBot.Core.Channels;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Lead;

/// <summary><c>unlink</c>, typed in a channel by an admin: the channel stops receiving its team's digest.</summary>
public sealed class UnlinkCommand(IChannelLinkStore links) : ICommandHandler
{
    private readonly IChannelLinkStore _links = links ?? throw new ArgumentNullException(nameof(links));

    public string Name => "unlink";

    public IReadOnlyList<string> Aliases { get; } = ["リンク解除"];

    public Role MinimumRole => Role.Admin;

    public HelpItem Help(CultureInfo culture) =>
        LeadTexts.Help(nameof(LeadText.Help_Unlink_Usage), nameof(LeadText.Help_Unlink_Description), culture);

    public async Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var culture = context.Culture;
        if (context.Kind == ConversationKind.Personal)
        {
            return ChatReply.Say(new ErrorView(LeadTexts.Get(nameof(LeadText.Unlink_NotInDm), culture)));
        }

        var teamId = await _links.UnlinkAsync(context.Conversation, cancellationToken).ConfigureAwait(false);
        var text = teamId is null
            ? LeadTexts.Get(nameof(LeadText.Unlink_NotLinked), culture)
            : LeadTexts.Format(nameof(LeadText.Unlink_Done), culture, context.Model.TeamsById.GetValueOrDefault(teamId)?.Name ?? teamId);
        return ChatReply.Say(new MessageView(text));
    }
}
