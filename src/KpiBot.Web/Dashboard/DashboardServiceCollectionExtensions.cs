using System.Text.Encodings.Web;
using System.Text.Unicode;
using KpiBot.Core.Charts;
using KpiBot.Core.Dashboard;
using KpiBot.Web.Charts;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Web.Dashboard;

/// <summary>
/// The dashboard in the host: Razor Pages under <c>/dashboard</c> (Dashboard/Pages), every page behind the dashboard's
/// cookie except the sign-in page; the page builders of Core it reads through.
/// </summary>
public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAuthentication().AddCookie(DashboardAuth.Scheme, DashboardAuth.Configure);
        services.AddAuthorization(o => o.AddPolicy(DashboardAuth.Policy, p => p.AddAuthenticationSchemes(DashboardAuth.Scheme).RequireAuthenticatedUser()));
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Dashboard/Pages";
                o.Conventions.AuthorizeFolder("/", DashboardAuth.Policy);
                o.Conventions.AllowAnonymousToPage("/SignIn");
            })
            .AddMvcOptions(o => o.Filters.Add<SecurityHeadersFilter>())
            .AddApplicationPart(typeof(DashboardServiceCollectionExtensions).Assembly);
        // Japanese and every other script written as is, not as &#x...; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddScoped<DashboardViewer>();
        services.AddScoped<TreePageBuilder>();
        services.AddScoped<GoalPageBuilder>();
        services.AddScoped<TeamPageBuilder>();
        services.AddScoped<PersonPageBuilder>();
        services.AddSingleton<IChartRenderer, ScottPlotChartRenderer>();
        services.AddSingleton<DigestChartLinks>();
        services.AddSingleton<KpiBot.Core.Digest.IDigestChartLinks>(sp => sp.GetRequiredService<DigestChartLinks>());
        return services;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapRazorPages();
        DashboardAssets.Map(endpoints);
        endpoints.MapDigestCharts();
        return endpoints;
    }
}
