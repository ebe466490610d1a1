using System.Buffers.Text;
using System.Globalization;
using System.Text;
using KpiBot.Core.Goals;
using KpiBot.Core.Reporting;
using KpiBot.Core.Rollup;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace KpiBot.Web.Api;

/// <summary>The reads: the rolled-up tree, one node's history, check-ins page by page, participation per person and week.</summary>
internal static class ReadEndpoints
{
    public static async Task<IResult> TreeAsync(
        HttpContext context, IGoalsProvider goals, TreeService trees, TimeProvider time,
        string? team, DateOnly? asOf, string? period, CancellationToken ct)
    {
        var (scope, refused) = await ApiRequests.ScopeAsync(context, goals, team, ct);
        if (scope is not (var model, var teamId))
        {
            return refused!;
        }

        if (!ApiRequests.TryPeriod(period, out var kind))
        {
            return Problems.BadRequest("period", $"'{period}' is not a period; use day, week, month, quarter, year or window.");
        }

        var day = asOf ?? ApiRequests.Today(model, teamId, time);
        var report = await trees.ComputeAsync(model, teamId, day, kind, ct);
        var culture = ApiRequests.CultureOf(context.Request);
        return TypedResults.Ok(new TreeResponse(day, teamId, kind is { } k ? ApiRequests.Lower(k) : null, ApiTree.Nodes(report, culture)));
    }

    public static async Task<IResult> HistoryAsync(
        HttpContext context, IGoalsProvider goals, NodeHistoryService histories, TimeProvider time,
        string id, string? team, DateOnly? asOf, CancellationToken ct)
    {
        var (scope, refused) = await ApiRequests.ScopeAsync(context, goals, team, ct);
        if (scope is not (var model, var teamId))
        {
            return refused!;
        }

        var history = await histories.HistoryAsync(model, id, asOf ?? ApiRequests.Today(model, teamId, time), teamId, ct);
        if (history is null)
        {
            return Problems.NotFound($"'{id}' is not a KGI, KPI or KDI of {(teamId is null ? "the goals" : "team " + teamId)}.");
        }

        return TypedResults.Ok(new HistoryResponse(
            history.Node.Id, ApiRequests.Lower(history.Node.Kind), Units.Of(history.Node), history.Window.Start, history.Window.End, history.Target,
            [.. history.Points.Select(p => new HistoryDay(p.Day, p.Actual, p.Plan))]));
    }

    public static async Task<IResult> CheckInsAsync(
        HttpContext context, IGoalsProvider goals, ICheckInQuery checkIns, IOptions<ApiOptions> options,
        string? team, string? person, string? node, DateOnly? from, DateOnly? to, int? limit, string? cursor, CancellationToken ct)
    {
        var (scope, refused) = await ApiRequests.ScopeAsync(context, goals, team, ct);
        if (scope is not (var model, var teamId))
        {
            return refused!;
        }

        var size = limit ?? 100;
        if (size < 1 || size > options.Value.MaxPageSize)
        {
            return Problems.BadRequest("limit", $"limit must be 1 to {options.Value.MaxPageSize}.");
        }

        CheckInCursor? after = null;
        if (cursor is not null)
        {
            if (Cursor.TryRead(cursor) is not { } read)
            {
                return Problems.BadRequest("cursor", "The cursor is not one this API gave out; start again without it.");
            }

            after = read;
        }

        var (filter, problem) = Filter(context, model, teamId, person, node, from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue);
        if (problem is not null)
        {
            return problem;
        }

        // One row more than asked tells whether another page follows, without counting.
        var rows = await checkIns.PageAsync(filter!, after, size + 1, ct);
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? Cursor.Write(new CheckInCursor(page[^1].Day, page[^1].Id)) : null;
        return TypedResults.Ok(new CheckInPage([.. page.Select(r => Item(model, r))], next));
    }

    /// <summary>A filter from the query: a person (id or email) and a node within the team the key may see.</summary>
    public static (CheckInFilter? Filter, IResult? Problem) Filter(
        HttpContext context, GoalsModel model, string? teamId, string? person, string? node, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return (null, Problems.BadRequest("to", "'to' is before 'from'."));
        }

        IReadOnlyCollection<string>? people = teamId is null ? null : [.. model.MembersOf(teamId).Select(p => p.Id)];
        if (!string.IsNullOrWhiteSpace(person))
        {
            if (ApiPeople.Find(model, person) is not { } found)
            {
                return (null, Problems.BadRequest("person", $"There is no person '{person}'."));
            }

            if (!ApiClaims.Covers(context.User, found.TeamId) || (teamId is not null && found.TeamId != teamId))
            {
                return (null, Problems.Forbidden($"{person} is not in team '{teamId ?? ApiClaims.TeamOf(context.User)}'."));
            }

            people = [found.Id];
        }

        IReadOnlyCollection<string>? nodes = null;
        if (!string.IsNullOrWhiteSpace(node))
        {
            if (!model.NodesById.ContainsKey(node))
            {
                return (null, Problems.BadRequest("node", $"There is no KDI or KPI '{node}'."));
            }

            nodes = [node];
        }

        return (new CheckInFilter(from, to, people, nodes), null);
    }

    public static async Task<IResult> ParticipationAsync(
        HttpContext context, IGoalsProvider goals, ParticipationService participation, TimeProvider time,
        string? team, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var (scope, refused) = await ApiRequests.ScopeAsync(context, goals, team, ct);
        if (scope is not (var model, var teamId))
        {
            return refused!;
        }

        var last = to ?? ApiRequests.Today(model, teamId, time);
        var first = from ?? last.AddDays(-27);
        if (last < first || last.DayNumber - first.DayNumber + 1 > ParticipationService.MaxDays)
        {
            return Problems.BadRequest("to", $"The range from..to must hold 1 to {ParticipationService.MaxDays} days.");
        }

        var weeks = await participation.WeeksAsync(model, teamId, first, last, ct);
        return TypedResults.Ok(new ParticipationResponse(first, last, [.. weeks.Select(w =>
        {
            var person = model.PeopleById[w.PersonId];
            return new ParticipationWeek(w.PersonId, person.DisplayName, person.TeamId, w.WeekStart, w.Asked, w.Answered, w.Skipped, w.Off, w.Missed);
        })]));
    }

    public static CheckInItem Item(GoalsModel model, CheckInRecord r) => new(
        r.Id, r.PersonId, model.PeopleById.GetValueOrDefault(r.PersonId)?.TeamId ?? string.Empty, r.NodeId, r.Day, r.Value, r.Note, r.Blocker, r.Source, r.Revision, r.UpdatedAt);

    /// <summary>The opaque paging cursor: base64url of "day|id".</summary>
    internal static class Cursor
    {
        public static string Write(CheckInCursor cursor) =>
            Base64Url.EncodeToString(Encoding.ASCII.GetBytes(FormattableString.Invariant($"{cursor.Day:yyyy-MM-dd}|{cursor.Id}")));

        public static CheckInCursor? TryRead(string text)
        {
            try
            {
                var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split('|');
                return parts.Length == 2
                    && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    ? new CheckInCursor(day, id)
                    : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
