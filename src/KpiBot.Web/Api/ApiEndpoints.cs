using KpiBot.Core.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace KpiBot.Web.Api;

/// <summary>
/// The REST API under <c>/api/v1</c>: API-key authentication, a token bucket per key (429 + Retry-After), a log line
/// per call with the key's name, the OpenAPI document at <c>/openapi/v1.json</c> and its reference page at <c>/api</c>.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    public static IServiceCollection AddKpiBotApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Idempotent>();
        services.AddProblemDetails();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiClaims.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiClaims.ReadPolicy, p => p.AddAuthenticationSchemes(ApiClaims.Scheme).RequireAuthenticatedUser())
            .AddPolicy(ApiClaims.WritePolicy, p => p.AddAuthenticationSchemes(ApiClaims.Scheme).RequireAuthenticatedUser()
                .RequireClaim(ApiClaims.Scope, "write"));
        services.AddRateLimiter(o => o.AddPolicy<string, ApiRateLimitPolicy>(ApiRateLimitPolicy.Name));
        services.AddOpenApi(o =>
        {
            // The document describes the REST API only, not the host's other endpoints (health, chat webhooks).
            o.ShouldInclude = d => d.RelativePath?.StartsWith(Prefix[1..], StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<ApiDocumentTransformer>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapKpiBotApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints is IApplicationBuilder app)
        {
            app.UseWhen(c => c.Request.Path.StartsWithSegments(Prefix), branch => branch.UseMiddleware<ApiCallLog>());
            app.UseRateLimiter();
        }

        var api = endpoints.MapGroup(Prefix).WithTags("KpiBot").RequireRateLimiting(ApiRateLimitPolicy.Name);
        var read = api.MapGroup(string.Empty).RequireAuthorization(ApiClaims.ReadPolicy);
        var write = api.MapGroup(string.Empty).RequireAuthorization(ApiClaims.WritePolicy);

        read.MapGet("/tree", ReadEndpoints.TreeAsync).WithName("GetTree")
            .WithSummary("The KPI tree with rollups for a team, period and as-of day")
            .Produces<TreeResponse>();
        read.MapGet("/nodes/{id}/history", ReadEndpoints.HistoryAsync).WithName("GetNodeHistory")
            .WithSummary("One node's cumulative actual per day against plan").Produces<HistoryResponse>();
        read.MapGet("/checkins", ReadEndpoints.CheckInsAsync).WithName("ListCheckIns")
            .WithSummary("Check-ins by team, person, KDI and date range, page by page (cursor)").Produces<CheckInPage>();
        read.MapGet("/participation", ReadEndpoints.ParticipationAsync).WithName("GetParticipation")
            .WithSummary("Answered, skipped, off and missed working days per person and week").Produces<ParticipationResponse>();
        read.MapGet("/export/checkins.csv", ExportEndpoints.CheckInsCsvAsync).WithName("ExportCheckIns")
            .WithSummary("Check-ins as CSV (UTF-8 with BOM), streamed").Produces<string>(contentType: "text/csv");
        read.MapGet("/export/rollups.csv", ExportEndpoints.RollupsCsvAsync).WithName("ExportRollups")
            .WithSummary("The rolled-up tree as CSV (UTF-8 with BOM)").Produces<string>(contentType: "text/csv");
        write.MapPost("/outcomes", WriteEndpoints.OutcomesAsync).WithName("ReportOutcomes")
            .WithSummary("Report results of KGIs and KPIs: one object or an array of up to 1,000")
            .Accepts<OutcomeInput[]>("application/json").Produces<WriteResponse>();
        write.MapPost("/checkins", WriteEndpoints.CheckInsAsync).WithName("RecordCheckIns")
            .WithSummary("Record KDI values: one object or an array of up to 1,000")
            .Accepts<CheckInInput[]>("application/json").Produces<WriteResponse>();

        endpoints.MapOpenApi();
        // Under /api/reference, not /api: its optional {documentName} segment would otherwise answer /api/messages too
        // (405 instead of 404 while Teams is off).
        endpoints.MapScalarApiReference("/api/reference", o => o.WithTitle("KpiBot API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        return endpoints;
    }
}
