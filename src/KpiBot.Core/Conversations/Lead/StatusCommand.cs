using System.Globalization;
using KpiBot.Core.Chat;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Delivery;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Rollup;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Lead;

/// <summary>
/// <c>status</c>: a lead's team (an admin's: all teams, or <c>status &lt;team&gt;</c>), one person
/// (<c>status @person</c>, email, id or name) or one goal (<c>status &lt;goal id or title&gt;</c>).
/// Open to reps so that <c>status @me</c> works; everything else is for leads and admins.
/// A lead sees only their own team and its people; an admin sees everyone.
/// </summary>
public sealed class StatusCommand : ICommandHandler
{
    private readonly TeamStatus _team;
    private readonly PersonStatus _person;
    private readonly IIdentityStore _identities;

    public StatusCommand(RollupService rollup, IDayStore days, IBlockerStore blockers, IDeliveryStore deliveries, IIdentityStore identities)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(blockers);
        ArgumentNullException.ThrowIfNull(deliveries);
        _identities = identities ?? throw new ArgumentNullException(nameof(identities));
        _team = new TeamStatus(rollup, days, blockers, deliveries);
        _person = new PersonStatus(rollup, days, blockers);
    }

    public string Name => "status";

    public IReadOnlyList<string> Aliases { get; } = ["s", "進捗"];

    public Role MinimumRole => Role.Rep;

    public HelpItem Help(CultureInfo culture) =>
        LeadTexts.Help(nameof(LeadText.Help_Status_Usage), nameof(LeadText.Help_Status_Description), culture);

    public async Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = (arguments ?? string.Empty).Trim();
        var me = context.Person;
        var model = context.Model;
        if (text.Length == 0)
        {
            return me.Role switch
            {
                Role.Rep => Refuse(nameof(LeadText.Refuse_Rep), context),
                Role.Lead => await _team.TeamAsync(context, model.TeamsById[me.TeamId], cancellationToken).ConfigureAwait(false),
                _ => await _team.TeamAsync(context, null, cancellationToken).ConfigureAwait(false),
            };
        }

        if (Lookup.LooksLikePerson(text))
        {
            return await Lookup.PeopleAsync(context, text, _identities, cancellationToken).ConfigureAwait(false) switch
            {
                [] => ChatReply.Say(new ErrorView(LeadTexts.Format(nameof(LeadText.UnknownPerson), context.Culture, text))),
                [var person] => await PersonAsync(context, person, cancellationToken).ConfigureAwait(false),
                var several => Ambiguous(context, text, several),
            };
        }

        if (Lookup.Team(model, text) is { } team)
        {
            return me.Role switch
            {
                Role.Rep => Refuse(nameof(LeadText.Refuse_Rep), context),
                Role.Lead when team.Id != me.TeamId => Refuse(nameof(LeadText.Refuse_OtherTeam), context, model.TeamsById[me.TeamId].Name),
                _ => await _team.TeamAsync(context, team, cancellationToken).ConfigureAwait(false),
            };
        }

        switch (await Lookup.PeopleAsync(context, text, _identities, cancellationToken).ConfigureAwait(false))
        {
            case [var named]:
                return await PersonAsync(context, named, cancellationToken).ConfigureAwait(false);
            case { Count: > 1 } several:
                return Ambiguous(context, text, several);
        }

        return me.Role == Role.Rep
            ? Refuse(nameof(LeadText.Refuse_Rep), context)
            : await NodeAsync(context, text, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ChatReply> PersonAsync(CommandContext context, Person person, CancellationToken ct)
    {
        var me = context.Person;
        var allowed = me.Role switch
        {
            Role.Admin => true,
            Role.Lead => person.TeamId == me.TeamId,
            _ => person.Id == me.Id,
        };
        if (!allowed)
        {
            return me.Role == Role.Rep
                ? Refuse(nameof(LeadText.Refuse_Rep), context)
                : Refuse(nameof(LeadText.Refuse_OtherTeamPerson), context, person.DisplayName);
        }

        return await _person.ShowAsync(context, person, ct).ConfigureAwait(false);
    }

    private async Task<ChatReply> NodeAsync(CommandContext context, string text, CancellationToken ct)
    {
        var scope = context.Person.Role == Role.Admin ? null : context.Person.TeamId;
        var report = await _team.ReportAsync(context, scope, ct).ConfigureAwait(false);
        if (Lookup.Node(report, text) is { } node)
        {
            return TeamStatus.Node(context, node);
        }

        var culture = context.Culture;
        var elsewhere = context.Model.NodesById.GetValueOrDefault(text.Trim())
            ?? context.Model.NodesById.Values.FirstOrDefault(n => string.Equals(n.Title, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (elsewhere is not null)
        {
            return Refuse(nameof(LeadText.Refuse_NotInTeamTree), context, elsewhere.Title);
        }

        return Lookup.Closest(report, text) is { } closest
            ? ChatReply.Say(new ErrorView(LeadTexts.Format(nameof(LeadText.NotFound_Suggest), culture, text, closest.Node.Title, closest.Node.Id)))
            : ChatReply.Say(new ErrorView(LeadTexts.Format(nameof(LeadText.NotFound), culture, text)));
    }

    /// <summary>Several people match the name: say who (name and email), so the lead can type the one they mean.</summary>
    private static ChatReply Ambiguous(CommandContext context, string text, IReadOnlyList<Person> people)
    {
        var names = people.Select(p => p.Email is { Length: > 0 } email ? $"{p.DisplayName} ({email})" : $"{p.DisplayName} ({p.Id})");
        return ChatReply.Say(new ErrorView(LeadTexts.Format(nameof(LeadText.AmbiguousPerson), context.Culture, text.Trim(), string.Join(", ", names))));
    }

    private static ChatReply Refuse(string key, CommandContext context, params object?[] args) =>
        ChatReply.Say(new MessageView(LeadTexts.Format(key, context.Culture, args)));
}
