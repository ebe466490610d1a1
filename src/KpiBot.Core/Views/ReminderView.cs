namespace KpiBot.Core.Views;

/// <summary>A nudge for an unanswered prompt; carries the prompt again so it can be answered right there.</summary>
public sealed record ReminderView(string Text, CheckInPromptView Prompt) : ChatView(Text);
