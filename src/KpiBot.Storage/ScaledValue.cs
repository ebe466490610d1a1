using KpiBot.Core.CheckIns;
namespace KpiBot.Storage;

/// <summary>
/// Amounts are stored as 64-bit integers scaled by 10,000 (four decimals), because SQLite has no decimal
/// type and EF Core cannot SUM decimals there; integer sums are exact on both providers.
/// </summary>
public static class ScaledValue
{
    public const long Scale = 10_000;
    public const int Decimals = CheckInRules.MaxDecimals;

    /// <summary>The largest magnitude of one check-in value (Core's rule, which refuses larger ones first): thousands still sum within 64 bits.</summary>
    public const decimal MaxCheckInValue = CheckInRules.MaxValue;

    /// <summary>The largest magnitude of a target (not summed): 900 trillion.</summary>
    public const decimal MaxTarget = 900_000_000_000_000m;

    /// <summary>Scales <paramref name="value"/>, or says why it cannot be stored.</summary>
    public static bool TryScale(decimal value, decimal maxMagnitude, out long scaled, out ValueRejection rejection)
    {
        scaled = 0;
        if (Math.Abs(value) > maxMagnitude)
        {
            rejection = ValueRejection.OutOfRange;
            return false;
        }

        var shifted = value * Scale;
        if (shifted != decimal.Truncate(shifted))
        {
            rejection = ValueRejection.TooManyDecimals;
            return false;
        }

        scaled = (long)shifted;
        rejection = ValueRejection.None;
        return true;
    }

    public static decimal Unscale(long scaled) => scaled / (decimal)Scale;
}

