using KpiBot.Core.Goals;
using KpiBot.Core.Reporting;
using KpiBot.Web.Export;
using Microsoft.AspNetCore.Http;

namespace KpiBot.Web.Api;

/// <summary>CSV downloads: check-ins streamed from the store, and the rolled-up tree.</summary>
internal static class ExportEndpoints
{
    public static async Task<IResult> CheckInsCsvAsync(
        HttpContext context, IGoalsProvider goals, ICheckInQuery checkIns,
        string? team, string? person, string? node, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var (scope, refused) = await ApiRequests.ScopeAsync(context, goals, team, ct);
        if (scope is not (var model, var teamId))
        {
            return refused!;
        }

        var (filter, problem) = ReadEndpoints.Filter(context, model, teamId, person, node, from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue);
        if (problem is not null)
        {
            return problem;
        }

        var culture = ApiRequests.CultureOf(context.Request);
        return new CsvResult("checkins.csv", (stream, token) =>
            CsvExports.WriteCheckInsAsync(stream, model, checkIns.StreamAsync(filter!, token), culture, token));
    }

    public static async Task<IResult> RollupsCsvAsync(
        HttpContext context, IGoalsProvider goals, TreeService trees, TimeProvider time,
        string? team, DateOnly? asOf, string? period, CancellationToken ct)
    {
        var (scope, refused) = await ApiRequests.ScopeAsync(context, goals, team, ct);
        if (scope is not (var model, var teamId))
        {
            return refused!;
        }

        if (!ApiRequests.TryPeriod(period, out var kind))
        {
            return Problems.BadRequest("period", $"'{period}' is not a period; use day, week, month, quarter, year or window.");
        }

        var report = await trees.ComputeAsync(model, teamId, asOf ?? ApiRequests.Today(model, teamId, time), kind, ct);
        var culture = ApiRequests.CultureOf(context.Request);
        return new CsvResult("rollups.csv", (stream, token) => CsvExports.WriteRollupsAsync(stream, report, culture, token));
    }

    /// <summary>Writes CSV straight to the response body as it is produced (no buffering of the whole file).</summary>
    private sealed class CsvResult(string fileName, Func<Stream, CancellationToken, Task> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "text/csv; charset=utf-8";
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            await write(httpContext.Response.Body, httpContext.RequestAborted);
        }
    }
}
