using Microsoft.AspNetCore.Mvc.Filters;

namespace KpiBot.Web.Dashboard;

/// <summary>
/// Headers on every dashboard page: no framing, no sniffing, no Referer (a sign-in link's token must not leak to
/// another site), nothing cached, and a Content-Security-Policy that allows no script and only the dashboard's own
/// stylesheet and images (charts come inline as data: images).
/// </summary>
internal sealed class SecurityHeadersFilter : IAsyncResultFilter
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return next();
    }
}
