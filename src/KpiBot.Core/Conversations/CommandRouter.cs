using KpiBot.Core.Conversations.Rep;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations;

/// <summary>
/// Finds the handler for a typed command by its name or an alias (case-insensitive, full-width folded),
/// checks the person's role (rep &lt; lead &lt; admin) and runs it. <c>help</c> is built in and lists
/// the commands the person may use. An unknown word gets the closest command as a suggestion.
/// </summary>
public sealed class CommandRouter
{
    private readonly List<ICommandHandler> _handlers;
    private readonly Dictionary<string, ICommandHandler> _byWord = new(StringComparer.Ordinal);

    public CommandRouter(IEnumerable<ICommandHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        _handlers = [.. handlers];
        if (!_handlers.Any(h => h.Name == HelpCommand.CommandName))
        {
            _handlers.Add(new HelpCommand(this));
        }

        foreach (var handler in _handlers)
        {
            foreach (var word in handler.Aliases.Prepend(handler.Name).Select(w => CommandLine.Parse(w).Word))
            {
                if (!_byWord.TryAdd(word, handler) && _byWord[word] != handler)
                {
                    throw new ArgumentException($"Two commands answer to '{word}': {_byWord[word].Name} and {handler.Name}.", nameof(handlers));
                }
            }
        }
    }

    public IReadOnlyList<ICommandHandler> Handlers => _handlers;

    /// <summary>Whether someone of <paramref name="role"/> may run a command needing <paramref name="minimum"/>.</summary>
    public static bool Allows(Role role, Role minimum) => role >= minimum;

    /// <summary>The handlers a role may run, in registration order.</summary>
    public IEnumerable<ICommandHandler> AllowedFor(Role role) => _handlers.Where(h => Allows(role, h.MinimumRole));

    public async Task<ChatReply> RouteAsync(CommandContext context, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var line = CommandLine.Parse(text);
        var word = line.Word.Length == 0 || line.Word == "?" ? HelpCommand.CommandName : line.Word;
        if (!_byWord.TryGetValue(word, out var handler))
        {
            return Unknown(context, word);
        }

        if (!Allows(context.Person.Role, handler.MinimumRole))
        {
            var role = Texts.Get(handler.MinimumRole == Role.Admin ? nameof(ConversationText.Role_Admin) : nameof(ConversationText.Role_Lead), context.Culture);
            return ChatReply.Say(
                new MessageView(Texts.Format(nameof(ConversationText.Router_NotAllowed), context.Culture, handler.Name, role)),
                ReplyVisibility.Private);
        }

        return await handler.HandleAsync(context, line.Arguments, cancellationToken).ConfigureAwait(false);
    }

    private ChatReply Unknown(CommandContext context, string word)
    {
        var known = AllowedFor(context.Person.Role).Select(h => h.Name);
        var closest = EditDistance.Closest(word, known);
        var text = closest is null
            ? Texts.Format(nameof(ConversationText.Router_Unknown), context.Culture, word)
            : Texts.Format(nameof(ConversationText.Router_UnknownDidYouMean), context.Culture, word, closest);
        return ChatReply.Say(new ErrorView(text, Texts.Get(nameof(ConversationText.Router_HelpHint), context.Culture)), ReplyVisibility.Private);
    }
}
