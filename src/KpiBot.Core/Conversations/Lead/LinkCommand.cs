using System.Globalization;
using KpiBot.Core.Channels;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Lead;

/// <summary>
/// <c>link &lt;team&gt;</c>, typed in a channel by an admin: the channel receives that team's weekly digest.
/// Refused in a DM (the channel's own address, with its service URL, is what gets stored).
/// </summary>
public sealed class LinkCommand(IChannelLinkStore links) : ICommandHandler
{
    private readonly IChannelLinkStore _links = links ?? throw new ArgumentNullException(nameof(links));

    public string Name => "link";

    public IReadOnlyList<string> Aliases { get; } = ["リンク"];

    public Role MinimumRole => Role.Admin;

    public HelpItem Help(CultureInfo culture) =>
        LeadTexts.Help(nameof(LeadText.Help_Link_Usage), nameof(LeadText.Help_Link_Description), culture);

    public async Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var culture = context.Culture;
        if (context.Kind == ConversationKind.Personal)
        {
            return ChatReply.Say(new ErrorView(LeadTexts.Get(nameof(LeadText.Link_NotInDm), culture)));
        }

        var name = (arguments ?? string.Empty).Trim();
        var teams = TeamList.Of(context.Model, culture);
        if (name.Length == 0)
        {
            return ChatReply.Say(new ErrorView(LeadTexts.Format(nameof(LeadText.Link_Usage), culture, teams)));
        }

        if (Lookup.Team(context.Model, name) is not { } team)
        {
            return ChatReply.Say(new ErrorView(LeadTexts.Format(nameof(LeadText.Link_UnknownTeam), culture, name, teams)));
        }

        var before = await _links.TeamOfChannelAsync(context.Conversation, cancellationToken).ConfigureAwait(false);
        await _links.LinkAsync(context.Conversation, team.Id, context.Person.Id, context.Now, cancellationToken).ConfigureAwait(false);
        var text = before is not null && before != team.Id
            ? LeadTexts.Format(nameof(LeadText.Link_Moved), culture, team.Name, context.Model.TeamsById.GetValueOrDefault(before)?.Name ?? before)
            : LeadTexts.Format(nameof(LeadText.Link_Done), culture, team.Name);
        return ChatReply.Say(new MessageView(text));
    }
}
