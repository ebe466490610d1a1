using System.Globalization;
using System.Text.Json;
using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Core.Outcomes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace KpiBot.Web.Api;

/// <summary>
/// The writes: reported results of KGIs and KPIs, and KDI values, one object or an array of up to
/// <see cref="ApiOptions.MaxBatch"/>. Every row is checked first, as chat input is; one refused row refuses the
/// request (422, each row and field named) and nothing is stored. A row for another team than the key's → 403.
/// </summary>
internal static class WriteEndpoints
{
    public static Task<IResult> OutcomesAsync(
        HttpContext context, IGoalsProvider goals, OutcomeService outcomes, Idempotent idempotent, IOptions<ApiOptions> options,
        IOptions<JsonOptions> json, TimeProvider time, CancellationToken ct) =>
        WriteAsync<OutcomeInput, PreparedOutcome>(context, goals, idempotent, options, json, "by the store", (batch, i, row) =>
        {
            var model = batch.Model;
            var missing = Missing(i, ("node", row.Node is null), ("date", row.Date is null), ("value", row.Value is null));
            if (missing.Count > 0)
            {
                batch.Errors.AddRange(missing);
                return null;
            }

            string? personId = null;
            if (row.Person is not null)
            {
                if (ApiPeople.Find(model, row.Person) is not { } person)
                {
                    batch.Errors.Add(new RowError(i, "person", "UnknownPerson", $"There is no person '{row.Person}'."));
                    return null;
                }

                personId = person.Id;
            }

            var node = model.NodesById.GetValueOrDefault(row.Node!);
            var team = node is null ? null : OutcomeNodes.OwnerTeamOf(model, node);
            if (node is not null && !ApiClaims.Covers(context.User, team))
            {
                batch.Others.Add(new RowError(i, "node", "OtherTeam", $"'{node.Id}' belongs to team '{team}'; this key is limited to '{ApiClaims.TeamOf(context.User)}'."));
                return null;
            }

            var report = new OutcomeReport(row.Node!, row.Date!.Value, row.Value!.Value, CheckInSources.Api, "api:" + batch.KeyName,
                ForPersonId: personId, Note: row.Note, Confirmed: row.Confirm);
            var today = ApiRequests.Today(model, team, time);
            if (OutcomeRules.Check(model, report, today) is { } problem)
            {
                batch.Errors.Add(new RowError(i, problem.Field, problem.Code, problem.Message(batch.Culture)));
                return null;
            }

            return new PreparedOutcome(report, today);
        },
        async (batch, i, prepared, results) =>
        {
            var result = await outcomes.ReportAsync(batch.Model, prepared.Report, prepared.Today, time.GetUtcNow(), ct);
            if (result.Problem is { } problem)
            {
                batch.Errors.Add(new RowError(i, problem.Field, problem.Code, problem.Message(batch.Culture)));
                return;
            }

            var entry = result.Entry!;
            results.Add(new WriteResult(i, entry.NodeId, entry.PersonId, entry.PeriodStart, entry.Value, Word(result.Outcome), entry.Revision));
        }, ct);

    public static Task<IResult> CheckInsAsync(
        HttpContext context, IGoalsProvider goals, CheckInService checkIns, Idempotent idempotent, IOptions<ApiOptions> options,
        IOptions<JsonOptions> json, TimeProvider time, CancellationToken ct) =>
        WriteAsync<CheckInInput, CheckInSubmission>(context, goals, idempotent, options, json, null, (batch, i, row) =>
        {
            var model = batch.Model;
            var missing = Missing(i, ("person", row.Person is null), ("kdi", row.Kdi is null), ("date", row.Date is null), ("value", row.Value is null));
            if (missing.Count > 0)
            {
                batch.Errors.AddRange(missing);
                return null;
            }

            if (ApiPeople.Find(model, row.Person!) is not { } person)
            {
                batch.Errors.Add(new RowError(i, "person", "UnknownPerson", $"There is no person '{row.Person}'."));
                return null;
            }

            if (!ApiClaims.Covers(context.User, person.TeamId))
            {
                batch.Others.Add(new RowError(i, "person", "OtherTeam", $"{person.Id} is in team '{person.TeamId}'; this key is limited to '{ApiClaims.TeamOf(context.User)}'."));
                return null;
            }

            if (model.NodesById.GetValueOrDefault(row.Kdi!) is not Kdi kdi)
            {
                batch.Errors.Add(new RowError(i, "kdi", "NotAKdi", $"'{row.Kdi}' is not a KDI; results of KGIs and KPIs go to POST /api/v1/outcomes."));
                return null;
            }

            // A weekly KDI's value is kept on the first day of its week, as the weekly card keeps it.
            var day = kdi.Cadence == KdiCadence.Weekly && model.TeamsById.TryGetValue(kdi.TeamId, out var team)
                ? PeriodWindow.Containing(PeriodKind.Week, row.Date!.Value, default, team.WeekStart).Start
                : row.Date!.Value;
            var today = Zones.Today(Zones.ZoneOf(person, model), time);
            if (CheckInRules.Check(model, person, kdi.Id, day, row.Value!.Value, today, row.Confirm) is { } problem)
            {
                batch.Errors.Add(new RowError(i, FieldOf(problem.Code), problem.Code, problem.Message(batch.Culture)));
                return null;
            }

            return new CheckInSubmission(person.Id, day, new Dictionary<string, decimal> { [kdi.Id] = row.Value.Value },
                row.Note, Source: CheckInSources.Api, ChangedBy: "api:" + batch.KeyName, Confirmed: row.Confirm);
        },
        async (batch, i, submission, results) =>
        {
            var result = await checkIns.SubmitAsync(batch.Model, submission, ct);
            foreach (var value in result.Recorded)
            {
                results.Add(new WriteResult(i, value.NodeId, submission.PersonId, submission.Day, value.Value, Word(value.Outcome), value.Revision));
            }

            batch.Errors.AddRange(result.Problems.Select(p => new RowError(i, FieldOf(p.Problem.Code), p.Problem.Code, p.Problem.Message(batch.Culture))));
        }, ct);

    /// <summary>A checked result, ready to store, with the day that was today for its team.</summary>
    private sealed record PreparedOutcome(OutcomeReport Report, DateOnly Today);

    /// <summary>The request being written: its goals, the reader's language, the key's name, and the rows refused so far.</summary>
    private sealed record WriteBatch(GoalsModel Model, CultureInfo Culture, string KeyName)
    {
        /// <summary>Rows refused for what they hold (422).</summary>
        public List<RowError> Errors { get; } = [];

        /// <summary>Rows of another team than the key's (403).</summary>
        public List<RowError> Others { get; } = [];
    }

    /// <summary>
    /// What both writes share: read the rows, take the goals, and under the idempotency key check every row
    /// (<paramref name="check"/> gives the row ready to store, or null when it noted why not); any row of another
    /// team → 403, any refused row → 422, in both cases nothing stored; else <paramref name="store"/> each row.
    /// <paramref name="refusedBy"/> names what refused a row at storing time in the answer's detail.
    /// </summary>
    private static async Task<IResult> WriteAsync<TInput, TPrepared>(
        HttpContext context, IGoalsProvider goals, Idempotent idempotent, IOptions<ApiOptions> options, IOptions<JsonOptions> json,
        string? refusedBy,
        Func<WriteBatch, int, TInput, TPrepared?> check,
        Func<WriteBatch, int, TPrepared, List<WriteResult>, Task> store,
        CancellationToken ct)
        where TPrepared : class
    {
        var (body, rows, unreadable) = await ReadAsync<TInput>(context, json.Value.SerializerOptions, options.Value.MaxBatch, ct);
        if (unreadable is not null)
        {
            return unreadable;
        }

        if (await goals.CurrentAsync(ct) is not { } model)
        {
            return Problems.NoGoals();
        }

        var batch = new WriteBatch(model, ApiRequests.CultureOf(context.Request), ApiClaims.NameOf(context.User)!);
        return await idempotent.RunAsync(context, body, async () =>
        {
            var prepared = new List<(int Row, TPrepared Item)>();
            for (var i = 0; i < rows.Count; i++)
            {
                if (check(batch, i, rows[i]) is { } item)
                {
                    prepared.Add((i, item));
                }
            }

            if (batch.Others.Count > 0)
            {
                return Idempotent.Problem(StatusCodes.Status403Forbidden, "The API key may not write these rows",
                    "Nothing was stored: some rows belong to another team.", batch.Others);
            }

            var errors = batch.Errors;
            if (errors.Count > 0)
            {
                return Idempotent.Problem(StatusCodes.Status422UnprocessableEntity, "Some values were not accepted",
                    $"Nothing was stored: {errors.Select(e => e.Row).Distinct().Count()} of {rows.Count} rows were refused.", errors);
            }

            var results = new List<WriteResult>();
            foreach (var (i, item) in prepared)
            {
                await store(batch, i, item, results);
            }

            return errors.Count == 0
                ? (StatusCodes.Status200OK, new WriteResponse(results))
                : Idempotent.Problem(StatusCodes.Status422UnprocessableEntity, "Some values were not stored",
                    $"{results.Count} of {rows.Count} rows were stored; the others were refused{(refusedBy is null ? "" : " " + refusedBy)}.", errors);
        });
    }

    /// <summary>
    /// The body as text (for the idempotency hash) and its rows: one object, or an array of 1 to <paramref name="max"/>.
    /// An unreadable body is a 400 naming where it broke.
    /// </summary>
    private static async Task<(string Body, IReadOnlyList<T> Rows, IResult? Problem)> ReadAsync<T>(
        HttpContext context, JsonSerializerOptions options, int max, CancellationToken ct)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(ct);
        try
        {
            var trimmed = body.TrimStart();
            IReadOnlyList<T>? rows = trimmed.StartsWith('[')
                ? JsonSerializer.Deserialize<List<T>>(body, options)
                : JsonSerializer.Deserialize<T>(body, options) is { } one ? [one] : null;
            if (rows is null || rows.Count == 0)
            {
                return (body, [], Problems.BadRequest("body", "The body is empty: send one object or an array of them."));
            }

            if (rows.Count > max)
            {
                return (body, [], Problems.BadRequest("body", $"A request may carry at most {max} rows; this one has {rows.Count}."));
            }

            return (body, rows, null);
        }
        catch (JsonException ex)
        {
            var row = ex.Path is { } path && path.StartsWith("$[", StringComparison.Ordinal)
                ? int.Parse(path[2..path.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture)
                : (int?)null;
            var field = ex.Path?.Split('.').LastOrDefault() ?? "body";
            return (body, [], Results.Problem(
                title: "The request cannot be read",
                detail: $"The body is not valid here ({ex.Path ?? "$"}, line {ex.LineNumber + 1}): dates are YYYY-MM-DD, values plain numbers.",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["errors"] = new[] { new RowError(row, field, "Unreadable", ex.Message) } }));
        }
    }

    private static List<RowError> Missing(int row, params (string Field, bool Missing)[] fields) =>
        [.. fields.Where(f => f.Missing).Select(f => new RowError(row, f.Field, "Missing", $"'{f.Field}' is required."))];

    private static string FieldOf(string code) => code switch
    {
        nameof(Core.Resources.CheckInText.FutureDay) or nameof(Core.Resources.CheckInText.BeforeGoal) or nameof(Core.Resources.CheckInText.AfterGoal) => "date",
        nameof(Core.Resources.CheckInText.Negative) or nameof(Core.Resources.CheckInText.TooPrecise) or nameof(Core.Resources.CheckInText.TooLarge) => "value",
        _ => "kdi",
    };

    private static string Word(CheckInOutcome outcome) => outcome switch
    {
        CheckInOutcome.Created => "created",
        CheckInOutcome.Updated => "updated",
        _ => "unchanged",
    };
}
