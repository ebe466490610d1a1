namespace KpiBot.Core.CheckIns;

/// <summary>What recording a value did.</summary>
public enum CheckInOutcome
{
    Created,
    Updated,
    /// <summary>The same value, note and blocker were already recorded; nothing was written.</summary>
    Unchanged,
    /// <summary>No active person has that id.</summary>
    UnknownPerson,
    /// <summary>No active KDI or KPI has that id (KGIs and KSFs take no values).</summary>
    UnknownNode,
    /// <summary>The value has more than four decimals or is out of range; see <see cref="CheckInRecordResult.Rejection"/>.</summary>
    InvalidValue,
}

/// <summary>The outcome of recording a value, with the entry's revision after it (0 when nothing is stored).</summary>
public sealed record CheckInRecordResult(CheckInOutcome Outcome, int Revision = 0, ValueRejection Rejection = ValueRejection.None)
{
    public bool Stored => Outcome is CheckInOutcome.Created or CheckInOutcome.Updated or CheckInOutcome.Unchanged;
}

/// <summary>Why a value cannot be stored (the store keeps four decimals and a bounded range).</summary>
public enum ValueRejection { None, TooManyDecimals, OutOfRange }
