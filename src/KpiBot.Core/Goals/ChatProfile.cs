namespace KpiBot.Core.Goals;

/// <summary>A person's time zone and locale as their chat platform reports them.</summary>
public sealed record ChatProfile(string? TimeZone, string? Locale);
