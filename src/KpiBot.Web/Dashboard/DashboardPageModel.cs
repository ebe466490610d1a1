using System.Globalization;
using KpiBot.Core.Resources;
using KpiBot.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpiBot.Web.Dashboard;

/// <summary>
/// The base of every signed-in page: resolves the <see cref="Viewer"/> before the handler runs (a session whose
/// person left the goals file is ended), and gives the page its texts in the viewer's language. A page the viewer
/// may not see answers 403 with <see cref="Denied"/> set; the layout then shows only the refusal.
/// </summary>
public abstract class DashboardPageModel(DashboardViewer viewers) : PageModel, IDashboardPage
{
    private Viewer? _viewer;

    public Viewer Viewer => _viewer ?? throw new InvalidOperationException("No viewer: the page ran without a session.");

    public Viewer? CurrentViewer => _viewer;

    public virtual CultureInfo Culture => _viewer?.Culture ?? Localized.English;

    public bool Denied { get; private set; }

    /// <summary>The page's title in the browser tab and its heading.</summary>
    public string Title { get; protected set; } = "KpiBot";

    public string T(string key) => Localized.Get(PageText.ResourceManager, key, Culture);

    public string F(string key, params object?[] args) => Localized.Format(PageText.ResourceManager, key, Culture, args);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        _viewer = await viewers.GetAsync(HttpContext, HttpContext.RequestAborted);
        if (_viewer is null)
        {
            await DashboardAuth.SignOutAsync(HttpContext);
            context.Result = Redirect(DashboardAuth.SignInPath + "?ended=true");
            return;
        }

        await next();
    }

    /// <summary>403 with the refusal in the viewer's language (never a hint of what is behind).</summary>
    protected IActionResult Deny()
    {
        Denied = true;
        Title = T(nameof(PageText.Denied_Title));
        Response.StatusCode = 403;
        return Page();
    }

    /// <summary>404 for a team, goal or person that does not exist — after the access check, so it tells nothing more.</summary>
    protected IActionResult Missing() => NotFound();
}
