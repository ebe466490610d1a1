namespace KpiBot.Core.Goals;

/// <summary>A person from the goals file. <see cref="Id"/> is the permanent key; email is a changeable lookup.</summary>
public sealed record Person(
    string Id,
    string DisplayName,
    string Email,
    Role Role,
    string TeamId,
    string? TimeZone = null,
    string? Locale = null,
    SourceLocation? Source = null);
