namespace KpiBot.Teams.Cards;

/// <summary>
/// The keys of the data a check-in card's actions carry and of its inputs; the renderer writes them and
/// the activity parser reads them back, so they are defined once here.
/// </summary>
public static class CardData
{
    /// <summary>Marks a submission as one of ours, with the value <see cref="Marker"/>.</summary>
    public const string Kind = "kpibot";
    public const string Marker = "checkin";
    public const string Action = "action";
    public const string Occurrence = "occurrence";
    public const string WorkDay = "workDay";
    public const string CardVersion = "cardVersion";
    public const string PersonId = "personId";
    public const string Confirmed = "confirmed";
    public const string Note = "note";
    public const string Blocker = "blocker";

    /// <summary>Input ids of the numbers are this prefix and the KDI id.</summary>
    public const string KdiPrefix = "kdi:";

    public const string Submit = "submit";
    public const string Skip = "skip";
    public const string Same = "same";

    /// <summary>A "Later" button: the action, and the wait it carries ("30m", "1h", "2h") under <see cref="LaterIn"/>.</summary>
    public const string Later = "later";
    public const string LaterIn = "laterIn";

    /// <summary>The value of <see cref="Kind"/> on the report form's Submit; its inputs are <c>report:{field}</c> (<c>ReportFields</c>).</summary>
    public const string ReportMarker = "report";

    public const string ReportPrefix = "report:";

    /// <summary>The Action.Execute verb of the check-in card.</summary>
    public const string Verb = "kpibot.checkin";
}
