using KpiBot.Core.Charts;
using KpiBot.Core.Digest;
using KpiBot.Core.Goals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KpiBot.Web.Charts;

/// <summary>
/// <c>GET /charts/digest/{token}</c>: the digest chart's PNG, drawn again for the team and week the token names
/// (the rollup as of that week's last day). A changed, forged or expired token is refused (403) without a hint.
/// </summary>
public static class DigestChartEndpoints
{
    public static IEndpointRouteBuilder MapDigestCharts(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/" + DigestChartLinks.Path + "{token}", ChartAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ChartAsync(
        string token, DigestChartLinks links, IGoalsProvider goals, DigestBuilder digests, IChartRenderer charts, HttpContext context)
    {
        if (links.Read(token) is not var (teamId, weekStart))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var model = await goals.CurrentAsync(context.RequestAborted);
        if (model is null || !model.TeamsById.TryGetValue(teamId, out var team)
            || await digests.ChartAsync(model, team, weekStart, Languages.ForTeam(team, model), context.RequestAborted) is not { } chart)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.File(charts.Png(chart.Chart, DigestCharts.Width, DigestCharts.Height), "image/png");
    }
}
