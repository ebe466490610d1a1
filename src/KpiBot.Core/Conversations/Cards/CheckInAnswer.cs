using KpiBot.Core.Goals;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Cards;

/// <summary>
/// Numbers to record for one card day: values per KDI id (already parsed), the note and the blocker flag.
/// <see cref="CardVersion"/> is the version of the card they came from (null from a text command);
/// <see cref="Confirmed"/> accepts a value over 10× its target and overwriting a newer answer.
/// </summary>
public sealed record CheckInAnswer(
    DateOnly Day,
    KdiCadence Cadence,
    IReadOnlyDictionary<string, decimal> Values,
    string? Note = null,
    bool Blocker = false,
    int? CardVersion = null,
    bool Confirmed = false);

/// <summary>What recording did: the view to show (receipt, error or question) and whether anything was saved.</summary>
public sealed record RecordReply(ChatView View, bool Saved)
{
    public static RecordReply Refused(ChatView view) => new(view, false);
}
