using System.Globalization;
using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using Microsoft.AspNetCore.Http;

namespace KpiBot.Web.Api;

/// <summary>What every API request needs: the goals, the team the key may see, the reader's language and today.</summary>
internal static class ApiRequests
{
    /// <summary>The language of messages: <c>lang=ja|en</c>, else the first Accept-Language that is Japanese or English; English by default.</summary>
    public static CultureInfo CultureOf(HttpRequest request)
    {
        var lang = request.Query["lang"].ToString();
        if (lang.Length == 0)
        {
            lang = request.Headers.AcceptLanguage.ToString().Split(',').Select(l => l.Split(';')[0].Trim())
                .FirstOrDefault(l => l.StartsWith("ja", StringComparison.OrdinalIgnoreCase) || l.StartsWith("en", StringComparison.OrdinalIgnoreCase)) ?? "en";
        }

        return lang.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? Localized.Japanese : Localized.English;
    }

    /// <summary>
    /// The team a read is for: the one asked for, else the key's own. Null with no error means every team (a key of
    /// the whole organisation asking for none); an error is a team the key may not see, or one that does not exist.
    /// </summary>
    public static (string? Team, IResult? Error) TeamOf(HttpContext context, GoalsModel model, string? asked)
    {
        var own = ApiClaims.TeamOf(context.User);
        var team = string.IsNullOrWhiteSpace(asked) ? own : asked.Trim();
        if (team is not null && !model.TeamsById.ContainsKey(team))
        {
            return (null, Problems.BadRequest("team", $"There is no team '{team}'. Teams: {string.Join(", ", model.Teams.Select(t => t.Id))}."));
        }

        return own is not null && team != own
            ? (null, Problems.Forbidden($"This key is limited to team '{own}'."))
            : (team, null);
    }

    /// <summary>
    /// What a read or an export starts with: the goals, and the team it covers (as <see cref="TeamOf"/> decides);
    /// else the problem to answer — no goals imported, no such team, or a key limited to another team.
    /// </summary>
    public static async Task<(ApiScope? Scope, IResult? Problem)> ScopeAsync(HttpContext context, IGoalsProvider goals, string? team, CancellationToken ct)
    {
        if (await goals.CurrentAsync(ct) is not { } model)
        {
            return (null, Problems.NoGoals());
        }

        var (teamId, error) = TeamOf(context, model, team);
        return error is null ? (new ApiScope(model, teamId), null) : (null, error);
    }

    /// <summary>Today in the team's zone (the first team's for the whole organisation).</summary>
    public static DateOnly Today(GoalsModel model, string? teamId, TimeProvider time) =>
        Zones.Today(teamId is not null ? model.TeamsById[teamId].TimeZone : model.Teams[0].TimeZone, time);

    public static bool TryPeriod(string? text, out PeriodKind? period)
    {
        period = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Enum.TryParse<PeriodKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind))
        {
            period = kind;
            return true;
        }

        return false;
    }

    public static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}

/// <summary>The goals a request reads, and the team it covers (null: the whole organisation).</summary>
internal sealed record ApiScope(GoalsModel Model, string? TeamId);
