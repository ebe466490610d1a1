using System.Globalization;
using KpiBot.Core.Calendar;
using KpiBot.Core.Channels;
using KpiBot.Core.Digest;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Lead;

/// <summary>
/// <c>digest</c>: this week's team digest so far. Typed in a channel linked to a team, by that team's lead or an
/// admin, it is posted there for everyone — the same digest as the scheduled one, in the team's language and
/// naming people only as the team's <c>digest.names</c> allows, so no confirmation is asked. In a direct message
/// (or a channel linked to no team) it is a preview only the asker sees. An admin may name a team in a 1:1.
/// </summary>
public sealed class DigestCommand(DigestBuilder digests, IChannelLinkStore links) : ICommandHandler
{
    private readonly DigestBuilder _digests = digests ?? throw new ArgumentNullException(nameof(digests));
    private readonly IChannelLinkStore _links = links ?? throw new ArgumentNullException(nameof(links));

    public string Name => "digest";

    public IReadOnlyList<string> Aliases { get; } = ["ダイジェスト"];

    public Role MinimumRole => Role.Lead;

    public HelpItem Help(CultureInfo culture) =>
        LeadTexts.Help(nameof(LeadText.Help_Digest_Usage), nameof(LeadText.Help_Digest_Description), culture);

    public async Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var culture = context.Culture;
        string? note = null;
        if (context.Kind != ConversationKind.Personal)
        {
            var linked = await _links.TeamOfChannelAsync(context.Conversation, cancellationToken).ConfigureAwait(false);
            if (linked is not null && context.Model.TeamsById.TryGetValue(linked, out var channelTeam))
            {
                if (context.Person.Role != Role.Admin && context.Person.TeamId != channelTeam.Id)
                {
                    return ChatReply.Say(new ErrorView(LeadTexts.Format(nameof(LeadText.Digest_OtherTeamHere), culture, channelTeam.Name)), ReplyVisibility.Private);
                }

                // Posted here, as the scheduled digest would be: in the team's language, for everyone in the channel.
                var posted = await BuildAsync(context, channelTeam, Languages.ForTeam(channelTeam, context.Model), cancellationToken).ConfigureAwait(false);
                return ChatReply.Say(posted, ReplyVisibility.Conversation);
            }

            note = LeadTexts.Get(nameof(LeadText.Digest_NotLinkedHere), culture);
        }

        if (TodayClaims.TeamFor(context, arguments) is not { } team)
        {
            return ChatReply.Say(new ErrorView(LeadTexts.Format(
                nameof(LeadText.Link_UnknownTeam), culture, arguments.Trim(), TeamList.Of(context.Model, culture))),
                ReplyVisibility.Private);
        }

        var view = await BuildAsync(context, team, culture, cancellationToken).ConfigureAwait(false);
        var preview = view with { Text = (note ?? LeadTexts.Get(nameof(LeadText.Digest_Preview), culture)) + "\n\n" + view.Text };
        return ChatReply.Say(preview, ReplyVisibility.Private);
    }

    private Task<DigestView> BuildAsync(CommandContext context, Team team, CultureInfo culture, CancellationToken ct)
    {
        var week = PeriodWindow.Containing(PeriodKind.Week, context.Today, default, team.WeekStart);
        return _digests.BuildAsync(context.Model, team, week.Start, culture, ct);
    }
}
