namespace KpiBot.Core.CheckIns;

/// <summary>
/// What one person recorded for one node (KDI, or KPI reported directly) over a window, aggregated in
/// the database: the sum, the number of entries, and the value of the latest day in the window.
/// </summary>
public sealed record ActualTotal(string PersonId, string NodeId, decimal Sum, int Count, decimal? Latest = null);
