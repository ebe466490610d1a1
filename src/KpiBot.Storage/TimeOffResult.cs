namespace KpiBot.Storage;

/// <summary>What <see cref="TimeOffStore.AddAsync"/> did.</summary>
public enum TimeOffResult { Added, UnknownPerson, LastDayBeforeFirst }
