using System.Globalization;
using KpiBot.Core.Calendar;
using KpiBot.Core.Digest;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Lead;

/// <summary><c>digest</c>: a preview of this week's team digest, sent to the lead privately. An admin may name a team.</summary>
public sealed class DigestCommand(DigestBuilder digests) : ICommandHandler
{
    private readonly DigestBuilder _digests = digests ?? throw new ArgumentNullException(nameof(digests));

    public string Name => "digest";

    public IReadOnlyList<string> Aliases { get; } = ["ダイジェスト"];

    public Role MinimumRole => Role.Lead;

    public HelpItem Help(CultureInfo culture) =>
        LeadTexts.Help(nameof(LeadText.Help_Digest_Usage), nameof(LeadText.Help_Digest_Description), culture);

    public async Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (TodayClaims.TeamFor(context, arguments) is not { } team)
        {
            return ChatReply.Say(new ErrorView(LeadTexts.Format(
                nameof(LeadText.Link_UnknownTeam), context.Culture, arguments.Trim(), TeamList.Of(context.Model, context.Culture))),
                ReplyVisibility.Private);
        }

        var week = PeriodWindow.Containing(PeriodKind.Week, context.Today, default, team.WeekStart);
        var view = await _digests.BuildAsync(context.Model, team, week.Start, context.Culture, cancellationToken).ConfigureAwait(false);
        var preview = view with { Text = LeadTexts.Get(nameof(LeadText.Digest_Preview), context.Culture) + "\n\n" + view.Text };
        return ChatReply.Say(preview, ReplyVisibility.Private);
    }
}
