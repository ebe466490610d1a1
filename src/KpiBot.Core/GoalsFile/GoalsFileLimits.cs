namespace KpiBot.Core.GoalsFile;

/// <summary>
/// The largest goals file KpiBot reads, checked before parsing (size, UTF-8) and right after it (counts), so a
/// huge or hostile file costs bounded time and memory and is refused with a <c>file:line</c> message.
/// A compact person line is about 80 bytes, so the size leaves room for the counts. Documented in docs/goals.md.
/// </summary>
public static class GoalsFileLimits
{
    /// <summary>10 MiB: about 100,000 people written one per line.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    public const int MaxPeople = 100_000;

    public const int MaxTeams = 5_000;

    /// <summary>KGIs, KSFs, KPIs and KDIs together.</summary>
    public const int MaxGoals = 20_000;
}
