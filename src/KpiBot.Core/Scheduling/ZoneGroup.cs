using KpiBot.Core.Goals;

namespace KpiBot.Core.Scheduling;

/// <summary>The prompted people of one team who share one time zone: their local times are computed once.</summary>
internal sealed record ZoneGroup(string ZoneId, TimeZoneInfo Zone, IReadOnlyList<Person> People);
