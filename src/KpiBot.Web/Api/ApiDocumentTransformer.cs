using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KpiBot.Web.Api;

/// <summary>Names the API in its OpenAPI document and declares the bearer API key every operation needs.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "KpiBot API",
            Version = "v1",
            Description = "Push results and KDI values in, pull rollups, histories, check-ins and CSV out. "
                + "Authenticate with `Authorization: Bearer kpb_…` (kpibot apikey create). Writes take an Idempotency-Key header.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key kpb_… created with `kpibot apikey create --name NAME --scope read|write [--team T]`.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] });
        return Task.CompletedTask;
    }
}
