namespace KpiBot.Core.Views;

/// <summary>What replaces the prompt after an answer: "Saved: 27 calls (target 30) …".</summary>
public sealed record CheckInReceiptView(
    string Text,
    string Title,
    string PersonId,
    DateOnly WorkDay,
    IReadOnlyList<ReceiptLine> Lines,
    string? Note,
    bool Blocker,
    bool Skipped) : ChatView(Text);

/// <summary>One KDI's answer: value and target as formatted text, and the fraction done for a progress bar.</summary>
public sealed record ReceiptLine(string KdiId, string Title, string ValueText, string TargetText, decimal? Fraction);
