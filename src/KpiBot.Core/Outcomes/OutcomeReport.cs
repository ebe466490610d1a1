namespace KpiBot.Core.Outcomes;

/// <summary>
/// One reported actual to record, from whatever path it came (chat, command line, API).
/// <paramref name="Reporter"/> is the person reporting in chat (their role and team decide what they may report);
/// null for the command line on the server and for an API key (whose team scope the API checks).
/// <paramref name="ForPersonId"/> says whose value it is for nodes reported per person (in chat: the reporter).
/// </summary>
public sealed record OutcomeReport(
    string NodeId,
    DateOnly Day,
    decimal Value,
    string Source,
    string ChangedBy,
    Goals.Person? Reporter = null,
    string? ForPersonId = null,
    string? Note = null,
    bool Confirmed = false);
