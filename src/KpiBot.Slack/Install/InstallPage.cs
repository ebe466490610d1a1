using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KpiBot.Core.Resources;
using KpiBot.Slack.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace KpiBot.Slack.Install;

/// <summary>The plain pages the install shows in the browser, in the browser's language (Japanese or English).</summary>
internal static class InstallPage
{
    /// <summary>Escapes markup but leaves Japanese text readable (the default encoder turns it into entities).</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static async Task WriteAsync(HttpContext context, int status, string titleKey, string messageKey, params object?[] args)
    {
        var culture = CultureOf(context.Request);
        var title = Localized.Get(SlackInstallText.ResourceManager, titleKey, culture);
        var message = Localized.Format(SlackInstallText.ResourceManager, messageKey, culture, args);
        var again = status == StatusCodes.Status200OK || status == StatusCodes.Status404NotFound
            ? string.Empty
            : $"<p><a href=\"{Html.Encode(SlackInstallEndpoints.InstallPath)}\">{Html.Encode(Localized.Get(SlackInstallText.ResourceManager, nameof(SlackInstallText.StartAgain), culture))}</a></p>";
        var html = $"""
            <!doctype html>
            <html lang="{culture.TwoLetterISOLanguageName}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{Html.Encode(title)}</title></head>
            <body style="font-family: sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.5">
            <h1>{Html.Encode(title)}</h1>
            <p>{Html.Encode(message)}</p>
            {again}
            </body>
            </html>
            """;
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        NoCache(context.Response);
        await context.Response.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The redirect carries a code and a state: keep the pages out of caches and other sites' Referer headers.</summary>
    public static void NoCache(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
    }

    /// <summary>Japanese when the browser prefers it to English, else English.</summary>
    public static CultureInfo CultureOf(HttpRequest request)
    {
        var languages = request.GetTypedHeaders().AcceptLanguage ?? [];
        foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value ?? string.Empty;
            if (tag.StartsWith("ja", StringComparison.OrdinalIgnoreCase))
            {
                return Localized.Japanese;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return Localized.English;
            }
        }

        return Localized.English;
    }
}
