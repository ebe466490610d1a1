using System.Globalization;
using KpiBot.Core.Dashboard;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Rep;

/// <summary>
/// <c>dashboard</c>: answers privately (ephemeral in a Slack channel, 1:1 in Teams) with a one-time sign-in link to
/// the web dashboard, bound to the person who asked. Without <c>KpiBot:PublicBaseUrl</c> it says how to set one up.
/// </summary>
public sealed class DashboardCommand(SignInLinks links) : ICommandHandler
{
    private readonly SignInLinks _links = links ?? throw new ArgumentNullException(nameof(links));

    public string Name => "dashboard";

    public IReadOnlyList<string> Aliases { get; } = ["dash", "ダッシュボード"];

    public Role MinimumRole => Role.Rep;

    public HelpItem Help(CultureInfo culture) => new(
        Localized.Get(DashboardText.ResourceManager, nameof(DashboardText.Help_Dashboard_Usage), culture),
        Localized.Get(DashboardText.ResourceManager, nameof(DashboardText.Help_Dashboard), culture));

    public async Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var link = await _links.IssueAsync(context.Person, cancellationToken).ConfigureAwait(false);
        var text = link is null
            ? Localized.Get(DashboardText.ResourceManager, nameof(DashboardText.Dashboard_NotConfigured), context.Culture)
            : Localized.Format(DashboardText.ResourceManager, nameof(DashboardText.Dashboard_Link), context.Culture,
                link.AbsoluteUri, (int)_links.Settings.LinkLifetime.TotalMinutes);
        return ChatReply.Say(new MessageView(text), ReplyVisibility.Private);
    }
}
