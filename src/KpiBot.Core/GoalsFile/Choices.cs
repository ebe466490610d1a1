using KpiBot.Core.Goals;

namespace KpiBot.Core.GoalsFile;

/// <summary>The words the goals file accepts for each enumeration (the documented spelling).</summary>
internal static class Choices
{
    public static readonly IReadOnlyList<string> Locales = ["ja", "en"];

    public static readonly IReadOnlyList<string> Platforms = ["slack", "teams"];

    public static readonly IReadOnlyDictionary<string, DayOfWeek> Days = Of(
        ("mon", DayOfWeek.Monday), ("tue", DayOfWeek.Tuesday), ("wed", DayOfWeek.Wednesday), ("thu", DayOfWeek.Thursday),
        ("fri", DayOfWeek.Friday), ("sat", DayOfWeek.Saturday), ("sun", DayOfWeek.Sunday));

    public static readonly IReadOnlyDictionary<string, DayOfWeek> WeekDayNames = Of(
        ("monday", DayOfWeek.Monday), ("tuesday", DayOfWeek.Tuesday), ("wednesday", DayOfWeek.Wednesday),
        ("thursday", DayOfWeek.Thursday), ("friday", DayOfWeek.Friday), ("saturday", DayOfWeek.Saturday), ("sunday", DayOfWeek.Sunday));

    public static readonly IReadOnlyDictionary<string, Role> Roles = Of(("rep", Role.Rep), ("lead", Role.Lead), ("admin", Role.Admin));

    public static readonly IReadOnlyDictionary<string, KgiRollup> Rollups = Of(("sum", KgiRollup.Sum), ("weighted", KgiRollup.Weighted));

    public static readonly IReadOnlyDictionary<string, PeriodKind> Periods = Of(
        ("day", PeriodKind.Day), ("week", PeriodKind.Week), ("month", PeriodKind.Month), ("quarter", PeriodKind.Quarter),
        ("year", PeriodKind.Year), ("window", PeriodKind.Window));

    public static readonly IReadOnlyDictionary<string, Aggregation> Aggregations = Of(
        ("sum", Aggregation.Sum), ("average", Aggregation.Average), ("latest", Aggregation.Latest), ("ratio", Aggregation.Ratio));

    public static readonly IReadOnlyDictionary<string, KpiSource> Sources = Of(
        ("kdis", KpiSource.Kdis), ("reported", KpiSource.Reported), ("ratio", KpiSource.Ratio));

    public static readonly IReadOnlyDictionary<string, KdiCadence> Cadences = Of(("daily", KdiCadence.Daily), ("weekly", KdiCadence.Weekly));

    public static readonly IReadOnlyDictionary<string, DigestNames> DigestNames = Of(
        ("none", Goals.DigestNames.None), ("blockers", Goals.DigestNames.Blockers), ("all", Goals.DigestNames.All));

    public static readonly IReadOnlyDictionary<string, TargetScope> Scopes = Of(("person", TargetScope.Person), ("team", TargetScope.Team));

    private static Dictionary<string, T> Of<T>(params (string Name, T Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
}
