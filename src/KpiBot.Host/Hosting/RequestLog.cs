using Microsoft.AspNetCore.HttpLogging;

namespace KpiBot.Host.Hosting;

/// <summary>
/// One line per request (method, scheme, path, protocol, status, duration) without the query string, instead of
/// ASP.NET Core's "Request starting/finished" lines, which carry the whole URL: a dashboard sign-in link's one-time
/// token (<c>?t=…</c>) and Slack's OAuth <c>code</c> travel in query strings and must reach no log at any level.
/// Hosting's own lines are held at Warning by a rule added after configuration's, so raising
/// <c>Logging:LogLevel:Microsoft.AspNetCore</c> to Information shows this log (category
/// <c>Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware</c>) and not the URLs. Headers and bodies are never logged.
/// </summary>
public static class RequestLog
{
    public const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public const HttpLoggingFields Fields =
        HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestScheme | HttpLoggingFields.RequestPath
        | HttpLoggingFields.RequestProtocol | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;

    public static WebApplicationBuilder AddKpiBotRequestLog(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.AddFilter(HostingCategory, LogLevel.Warning);
        builder.Services.AddHttpLogging(options =>
        {
            options.LoggingFields = Fields;
            options.CombineLogs = true;
        });
        return builder;
    }

    /// <summary>Costs one <c>IsEnabled</c> check per request while the category is below Information (the default).</summary>
    public static WebApplication UseKpiBotRequestLog(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHttpLogging();
        return app;
    }
}
