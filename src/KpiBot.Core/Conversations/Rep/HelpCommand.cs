using System.Globalization;
using System.Text;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Rep;

/// <summary><c>help</c>: the commands the person's role may use, one line each (the router adds it itself).</summary>
public sealed class HelpCommand : ICommandHandler
{
    public const string CommandName = "help";

    private readonly CommandRouter _router;

    internal HelpCommand(CommandRouter router) => _router = router;

    public string Name => CommandName;

    public IReadOnlyList<string> Aliases { get; } = ["ヘルプ", "使い方"];

    public Role MinimumRole => Role.Rep;

    public HelpItem Help(CultureInfo culture) => new(
        Texts.Get(nameof(ConversationText.Help_Help_Usage), culture), Texts.Get(nameof(ConversationText.Help_Help), culture));

    public Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var items = _router.AllowedFor(context.Person.Role).Select(h => h.Help(context.Culture)).ToList();
        var title = Texts.Get(nameof(ConversationText.Help_Title), context.Culture);
        var text = new StringBuilder(title);
        foreach (var item in items)
        {
            text.Append('\n').Append("• ").Append(item.Usage).Append(" — ").Append(item.Description);
        }

        return Task.FromResult(ChatReply.Say(new HelpView(text.ToString(), title, items), ReplyVisibility.Private));
    }
}
