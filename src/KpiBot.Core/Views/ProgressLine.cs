using KpiBot.Core.Goals;

namespace KpiBot.Core.Views;

/// <summary>
/// One node of a tree, status or digest, indented by <see cref="Depth"/>: kind, title, and (when it has
/// numbers) the figures as text ("¥38,200,000 / ¥100,000,000"), the fraction for a bar, the status and its word.
/// </summary>
public sealed record ProgressLine(
    int Depth,
    GoalKind Kind,
    string NodeId,
    string Title,
    string? FiguresText,
    decimal? Fraction,
    ProgressStatus? Status,
    string? StatusText,
    string? Detail = null);
