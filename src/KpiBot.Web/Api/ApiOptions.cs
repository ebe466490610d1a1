using System.ComponentModel.DataAnnotations;

namespace KpiBot.Web.Api;

/// <summary>Settings of the REST API (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests one key may make per minute on each host (a token bucket refilled every second); more get 429 with Retry-After.</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>Rows one write request may carry.</summary>
    [Range(1, 1000)]
    public int MaxBatch { get; set; } = 1000;

    /// <summary>The most check-ins one page returns (the default page is 100).</summary>
    [Range(1, 10_000)]
    public int MaxPageSize { get; set; } = 1000;
}
