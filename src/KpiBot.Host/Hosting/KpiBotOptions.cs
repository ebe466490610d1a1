using System.ComponentModel.DataAnnotations;

namespace KpiBot.Host.Hosting;

/// <summary>The host's own settings (section <c>KpiBot</c>).</summary>
public sealed class KpiBotOptions
{
    public const string Section = "KpiBot";

    /// <summary>Goals file imported on start when the store holds no goals yet.</summary>
    public string? SampleGoalsFile { get; set; }

    /// <summary>Import <see cref="SampleGoalsFile"/> into an empty store on start, so a first run shows something.</summary>
    public bool ImportSampleWhenEmpty { get; set; } = true;

    /// <summary>Language of command-line output when <c>--lang</c> is not given: ja or en; empty = the goals file's.</summary>
    [RegularExpression("^(|ja|en)$", ErrorMessage = "KpiBot:Language must be ja, en or empty.")]
    public string? Language { get; set; }

    /// <summary>
    /// The address people open this host at (https://kpibot.example.com), for dashboard sign-in links and the
    /// digest chart's image in Teams; empty: neither is offered.
    /// </summary>
    [RegularExpression(@"^https?://[^\s/?#]+(/[^\s?#]*)?$", ErrorMessage = "KpiBot:PublicBaseUrl must be an absolute http(s) URL, such as https://kpibot.example.com.")]
    public string? PublicBaseUrl { get; set; }

    /// <summary>The public base URL as a URI, or null when none is set.</summary>
    public Uri? PublicBaseUri => string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : new Uri(PublicBaseUrl, UriKind.Absolute);

    /// <summary>
    /// How long a stopping host may take (the host's ShutdownTimeout): requests and background work in flight finish
    /// or are handed back to the queue within it (<see cref="GracefulStop"/>). Keep it below the orchestrator's
    /// grace period (Kubernetes: terminationGracePeriodSeconds, 30 s by default; docker stop: 10 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:03", "00:10:00", ErrorMessage = "KpiBot:ShutdownTimeout must be between 00:00:03 and 00:10:00.")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);
}
