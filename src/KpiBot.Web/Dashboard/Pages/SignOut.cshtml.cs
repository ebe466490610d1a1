using Microsoft.AspNetCore.Mvc;

namespace KpiBot.Web.Dashboard.Pages;

/// <summary><c>POST /dashboard/signout</c> (with the form's anti-forgery token): ends the session.</summary>
public sealed class SignOutModel(DashboardViewer viewers) : DashboardPageModel(viewers)
{
    public IActionResult OnGet() => Redirect(DashboardAuth.BasePath);

    public async Task<IActionResult> OnPostAsync()
    {
        await DashboardAuth.SignOutAsync(HttpContext);
        return Redirect(DashboardAuth.SignInPath + "?ended=true");
    }
}
