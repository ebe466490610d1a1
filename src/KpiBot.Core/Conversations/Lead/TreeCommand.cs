using System.Globalization;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Rollup;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Lead;

/// <summary>
/// <c>tree</c>: the team's KPI tree with team totals only (no one's individual numbers), for everyone.
/// An admin may name another team (<c>tree &lt;team&gt;</c>).
/// </summary>
public sealed class TreeCommand(RollupService rollup, IDayStore days) : ICommandHandler
{
    private readonly RollupService _rollup = rollup ?? throw new ArgumentNullException(nameof(rollup));
    private readonly IDayStore _days = days ?? throw new ArgumentNullException(nameof(days));

    public string Name => "tree";

    public IReadOnlyList<string> Aliases { get; } = ["ツリー"];

    public Role MinimumRole => Role.Rep;

    public HelpItem Help(CultureInfo culture) =>
        LeadTexts.Help(nameof(LeadText.Help_Tree_Usage), nameof(LeadText.Help_Tree_Description), culture);

    public async Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = context.Model;
        var team = model.TeamsById[context.Person.TeamId];
        if (context.Person.Role == Role.Admin && !string.IsNullOrWhiteSpace(arguments))
        {
            if (Lookup.Team(model, arguments) is not { } named)
            {
                return ChatReply.Say(new ErrorView(LeadTexts.Format(
                    nameof(LeadText.Link_UnknownTeam), context.Culture, arguments.Trim(), TeamList.Of(model, context.Culture))));
            }

            team = named;
        }

        var ids = RepDays.RepsOf(model, team.Id).Select(p => p.Id).ToList();
        var timeOff = await RepDays.TimeOffAsync(model, ids, context.Today, _days, cancellationToken).ConfigureAwait(false);
        var report = await _rollup.ComputeAsync(model, new RollupRequest(context.Today, team.Id, TimeOff: timeOff), cancellationToken)
            .ConfigureAwait(false);
        var title = LeadTexts.Format(nameof(LeadText.Tree_Title), context.Culture, team.Name);
        var text = LeadTexts.Compose(title, TreeTextRenderer.Render(model, report, context.Culture), []);
        return ChatReply.Say(new TreeView(text, title, ProgressLines.Tree(report.Roots, context.Culture)));
    }
}
