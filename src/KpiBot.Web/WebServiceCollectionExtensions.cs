using KpiBot.Web.Api;
using KpiBot.Web.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Web;

/// <summary>
/// The web side in the host: <c>builder.Services.AddKpiBotWeb()</c> registers what the REST API and the dashboard
/// need beyond Core's ports (which the host registers), <c>app.MapKpiBotWeb()</c> maps their endpoints.
/// </summary>
public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddKpiBotWeb(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddKpiBotApi();
        services.AddDashboard();
        return services;
    }

    public static IEndpointRouteBuilder MapKpiBotWeb(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapKpiBotApi();
        endpoints.MapDashboard();
        return endpoints;
    }
}
