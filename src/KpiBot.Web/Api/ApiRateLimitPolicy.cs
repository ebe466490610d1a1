using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KpiBot.Web.Api;

/// <summary>
/// A token bucket per API key (by name, so a replaced key starts afresh only if renamed): <see cref="ApiOptions.PermitsPerMinute"/>
/// at once, refilled every second. Over it: 429 with Retry-After and a problem document. Each host keeps its own buckets.
/// </summary>
internal sealed class ApiRateLimitPolicy(IOptions<ApiOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "kpibot-api-per-key";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (rejected, _) =>
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 1;
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Problems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"This key may make {options.Value.PermitsPerMinute} requests a minute; retry after {seconds} s.");
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var permits = options.Value.PermitsPerMinute;
        return RateLimitPartition.GetTokenBucketLimiter(
            ApiClaims.NameOf(httpContext.User) is { } name ? "key:" + name : "anonymous",
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = permits,
                TokensPerPeriod = Math.Max(1, permits / 60),
                ReplenishmentPeriod = TimeSpan.FromSeconds(permits >= 60 ? 1 : 60.0 / permits),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
    }
}
