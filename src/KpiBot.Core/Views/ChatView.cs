namespace KpiBot.Core.Views;

/// <summary>
/// A platform-neutral message. Every text in a view is already in the recipient's language and every
/// number already formatted by their culture; adapters only lay it out. <see cref="Text"/> is the whole
/// message as plain text (notification text, fallback, and what a plain-text channel shows).
/// </summary>
public abstract record ChatView(string Text);

/// <summary>A plain message: an answer, a confirmation, a polite refusal.</summary>
public sealed record MessageView(string Text) : ChatView(Text);

/// <summary>
/// Something went wrong with the user's input; <see cref="Text"/> says what and how to fix it.
/// <see cref="FieldKey"/>, when set, names the card field that was refused (a KDI id), so a form can show
/// the error next to that field.
/// </summary>
public sealed record ErrorView(string Text, string? Hint = null, string? FieldKey = null) : ChatView(Text);

/// <summary>A question with a confirm button that re-submits <see cref="ConfirmCommand"/> (e.g. a value 10× the target).</summary>
public sealed record ConfirmView(string Text, string ConfirmLabel, string CancelLabel, string ConfirmCommand) : ChatView(Text);
