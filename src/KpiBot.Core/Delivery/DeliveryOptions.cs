namespace KpiBot.Core.Delivery;

/// <summary>Bounds of the delivery retries (section <c>Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Sends of one delivery, retries after passing failures included, before it is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>A delivery the platform keeps rate-limiting is retried when it says, until it is this old; then it fails.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>First back-off after a passing failure; doubles each attempt, with jitter.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A claimed delivery with no send job after this long is handed to the sender again.</summary>
    public TimeSpan StrandedAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A delivery left Preparing or Sending this long (its host died, or its job was given up while the database was
    /// away) is handed to a sender again: taken over when nothing was posted, marked Unknown when the post may have
    /// happened. Longer than any send takes, platform retries included.
    /// </summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Claims per database round trip.</summary>
    public int ClaimBatchSize { get; set; } = 1000;

    /// <summary>Deliveries per background send job: one job carries this many ids, so the job system's per-job cost is shared.</summary>
    public int SendBatchSize { get; set; } = 25;

    /// <summary>Sends a send job runs at once (each with its own database context), to overlap the platform's latency.</summary>
    public int SendParallelism { get; set; } = 4;

    /// <summary>
    /// How long a lead's <c>start</c> waits for the prompts it queued to be sent before it reports who got one, who
    /// could not be reached and who is still being sent to (0: report at once).
    /// </summary>
    public TimeSpan StartReportWait { get; set; } = TimeSpan.FromSeconds(10);
}
