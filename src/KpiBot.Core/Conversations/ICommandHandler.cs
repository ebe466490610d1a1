namespace KpiBot.Core.Conversations;

/// <summary>
/// One text command (<c>status</c>, <c>skip</c>, …). The router parses the first word, checks
/// <see cref="MinimumRole"/> (rep &lt; lead &lt; admin) and hands the rest of the text over as <c>arguments</c>.
/// </summary>
public interface ICommandHandler
{
    /// <summary>The command word as typed, lower case ("status").</summary>
    string Name { get; }

    /// <summary>Other words that run it ("s", "進捗").</summary>
    IReadOnlyList<string> Aliases { get; }

    Goals.Role MinimumRole { get; }

    /// <summary>The help line: usage and a description, in the context's language.</summary>
    Views.HelpItem Help(System.Globalization.CultureInfo culture);

    Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken);
}
