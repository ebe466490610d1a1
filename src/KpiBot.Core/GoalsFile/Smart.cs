namespace KpiBot.Core.GoalsFile;

/// <summary>Which SMART property a missing key breaks, so the message can say why the key is needed.</summary>
internal enum Smart { None, Specific, Measurable, Relevant, TimeBound }
