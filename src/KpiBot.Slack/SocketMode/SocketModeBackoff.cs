namespace KpiBot.Slack.SocketMode;

/// <summary>
/// How long to wait before connecting again after failures in a row: doubling from <see cref="Initial"/> up to
/// <see cref="Max"/>, each wait jittered to between half and all of it so that hosts which lost Slack together do
/// not come back together. A connection that got its <c>hello</c> starts the count over.
/// </summary>
public sealed record SocketModeBackoff(TimeSpan Initial, TimeSpan Max)
{
    public static SocketModeBackoff Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    /// <summary>The wait before attempt <paramref name="failures"/> + 1 (failures ≥ 1), with <paramref name="jitter"/> in [0, 1).</summary>
    public TimeSpan Delay(int failures, double jitter)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var full = Math.Min(Initial.TotalMilliseconds * Math.Pow(2, exponent), Max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(full * (0.5 + (jitter / 2)));
    }
}
