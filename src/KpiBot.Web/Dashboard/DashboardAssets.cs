using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KpiBot.Web.Dashboard;

/// <summary>The dashboard's one stylesheet, embedded in the assembly (no static-file folder to deploy, no build step).</summary>
internal static class DashboardAssets
{
    public const string StylesheetPath = "/dashboard/dashboard.css";

    private static readonly Lazy<byte[]> Stylesheet = new(() =>
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream("KpiBot.Web.Dashboard.dashboard.css")
            ?? throw new InvalidOperationException("The dashboard stylesheet is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(StylesheetPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(Stylesheet.Value, "text/css; charset=utf-8");
        });
}
