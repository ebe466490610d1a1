using KpiBot.Core.Conversations;

namespace KpiBot.Teams.Activities;

/// <summary>
/// An activity parsed into what the engine or the adapter acts on. <c>TimeZone</c> is the client's IANA
/// zone from a <c>clientInfo</c> entity, when Teams sent one.
/// </summary>
public abstract record TeamsInbound
{
    private TeamsInbound()
    {
    }

    /// <summary>A text command from a 1:1 chat, or an @mention in a channel or group chat with the mention stripped.</summary>
    public sealed record Message(IncomingMessage Input, string? TimeZone) : TeamsInbound;

    /// <summary>A check-in card's Submit / Skip / Same; <see cref="IsInvoke"/> when it must be answered in the HTTP response.</summary>
    public sealed record Submission(CardSubmission Input, bool IsInvoke, string? TimeZone) : TeamsInbound;

    /// <summary>The report form's Submit (a message activity with the card's values).</summary>
    public sealed record Report(ReportSubmission Input, string? TimeZone) : TeamsInbound;

    /// <summary>Members (or the bot) joined or left, or a team's channels changed.</summary>
    public sealed record ConversationChanged(TeamsConversationEvent Event) : TeamsInbound;

    /// <summary>The app was installed (<see cref="Added"/>) or uninstalled in a conversation.</summary>
    public sealed record Installation(TeamsConversationEvent Event, bool Added) : TeamsInbound;

    /// <summary>Nothing to do (an unknown type, a reaction, an invoke that is not ours); <see cref="Reason"/> is for logs.</summary>
    public sealed record Ignored(string Reason) : TeamsInbound;
}
