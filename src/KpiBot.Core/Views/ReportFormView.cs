namespace KpiBot.Core.Views;

/// <summary>
/// The form for reporting a result (a Slack modal, a Teams card): the goals the person may report, the one
/// chosen if any, the day (today by default), and its labels. <see cref="ChatView.Text"/> says how to report in
/// text, for a platform or client that cannot show the form.
/// </summary>
public sealed record ReportFormView(
    string Text,
    string Title,
    IReadOnlyList<ReportChoice> Goals,
    string? Selected,
    DateOnly Day,
    ReportFormLabels Labels) : ChatView(Text)
{
    /// <summary>
    /// Words a card shows above the form, when the bot sends the form unasked (a reporter asked for their outcomes
    /// on its cadence): what is due, and how to report it in text. Null for the form a person opened.
    /// </summary>
    public string? Intro { get; init; }
}

/// <summary>One goal the person may report: its id and "新規顧客の売上 (JPY, monthly)".</summary>
public sealed record ReportChoice(string NodeId, string Label);

/// <summary>
/// The form's words. <see cref="Open"/> labels the button that opens the form where it is a form of its own
/// (a Slack modal opened from a message).
/// </summary>
public sealed record ReportFormLabels(
    string Open,
    string Goal,
    string Amount,
    string AmountPlaceholder,
    string Day,
    string Note,
    string Submit,
    string Cancel);

/// <summary>The form's field keys: the ids adapters give its inputs, and <see cref="ErrorView.FieldKey"/> of a refusal.</summary>
public static class ReportFields
{
    public const string Goal = "goal";
    public const string Amount = "amount";
    public const string Day = "day";
    public const string Note = "note";
}
