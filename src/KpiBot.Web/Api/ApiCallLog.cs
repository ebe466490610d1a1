using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KpiBot.Web.Api;

/// <summary>Middleware on <c>/api/v1</c>: one log line per call with the key's name (never the key), the status and the time taken.</summary>
internal sealed class ApiCallLog(RequestDelegate next, ILogger<ApiCallLog> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            ApiLog.Call(logger, context.Request.Method, context.Request.Path, ApiClaims.NameOf(context.User) ?? "(no key)",
                context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
