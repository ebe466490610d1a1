using System.Globalization;
using KpiBot.Core.Dashboard;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpiBot.Web.Dashboard.Pages;

/// <summary>
/// <c>/dashboard/signin/{person}?t=…</c>: the one-time link from chat. Opening it shows whom it signs in and a button
/// (a link previewer that fetches the URL does not use it up); the button's POST redeems it once, across hosts, and
/// starts the session. Without a person it is where a browser without a session is sent: how to get a link.
/// The token is read from the query and the form here, never bound as a handler argument: MVC logs a handler's
/// arguments at Trace, and the token must reach no log at any level (the host's request log leaves out query strings).
/// </summary>
public sealed class SignInModel(SignInLinks links, IGoalsProvider goals) : PageModel, IDashboardPage
{
    /// <summary>The token's name in the link's query and in the button's form.</summary>
    public const string TokenField = "t";

    public enum State { HowTo, Ended, Confirm, Refused }

    public State Shown { get; private set; } = State.HowTo;

    public SignInCheck Check { get; private set; }

    public Person? Person { get; private set; }

    public string? Token { get; private set; }

    public string Title => T(nameof(PageText.SignIn_Title));

    public CultureInfo Culture { get; private set; } = Localized.English;

    public bool Denied => false;

    public Viewer? CurrentViewer => null;

    public string T(string key) => Localized.Get(PageText.ResourceManager, key, Culture);

    public string F(string key, params object?[] args) => Localized.Format(PageText.ResourceManager, key, Culture, args);

    public async Task<IActionResult> OnGetAsync(string? personId, bool ended = false)
    {
        var t = Request.Query[TokenField].ToString();
        var model = await goals.CurrentAsync(HttpContext.RequestAborted);
        Culture = CultureOf(model, personId);
        if (personId is null)
        {
            Shown = ended ? State.Ended : State.HowTo;
            return Page();
        }

        Check = Person is null ? SignInCheck.Unknown : await links.CheckAsync(personId, t, HttpContext.RequestAborted);
        if (Check != SignInCheck.Valid)
        {
            return Refuse();
        }

        Shown = State.Confirm;
        Token = t;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string personId)
    {
        var t = (await Request.ReadFormAsync(HttpContext.RequestAborted)).TryGetValue(TokenField, out var field) ? field.ToString() : null;
        var model = await goals.CurrentAsync(HttpContext.RequestAborted);
        Culture = CultureOf(model, personId);
        Check = Person is null ? SignInCheck.Unknown : await links.RedeemAsync(personId, t, HttpContext.RequestAborted);
        if (Check != SignInCheck.Valid)
        {
            return Refuse();
        }

        await DashboardAuth.SignInAsync(HttpContext, Person!.Id);
        return Redirect(DashboardAuth.BasePath);
    }

    private PageResult Refuse()
    {
        Shown = State.Refused;
        Response.StatusCode = Check == SignInCheck.Unknown ? 400 : 410;
        return Page();
    }

    /// <summary>The link's person's language when the link names someone known, else the browser's (ja or en).</summary>
    private CultureInfo CultureOf(GoalsModel? model, string? personId)
    {
        Person = personId is not null && model?.PeopleById.TryGetValue(personId, out var person) == true ? person : null;
        if (Person is not null)
        {
            return Languages.For(Person, model!);
        }

        var accept = Request.Headers.AcceptLanguage.ToString();
        return accept.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? Localized.Japanese : Localized.English;
    }
}
