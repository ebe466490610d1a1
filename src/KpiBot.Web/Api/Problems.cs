using Microsoft.AspNetCore.Http;

namespace KpiBot.Web.Api;

/// <summary>One refused input: the row of a batch (null for a single value or a query parameter), the field, a stable code and a sentence.</summary>
public sealed record RowError(int? Row, string Field, string Code, string Message);

/// <summary>RFC 9457 problem documents (<c>application/problem+json</c>), with <c>errors</c> naming each row and field.</summary>
internal static class Problems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);

    /// <summary>422: the request was understood but rows were refused; nothing was stored.</summary>
    public static IResult Invalid(IReadOnlyList<RowError> errors, string detail) => Results.Problem(
        title: "Some values were not accepted",
        detail: detail,
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>400: a parameter or the body cannot be read.</summary>
    public static IResult BadRequest(string field, string message) => Results.Problem(
        title: "The request cannot be read",
        detail: message,
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["errors"] = new[] { new RowError(null, field, "Unreadable", message) } });

    public static IResult Forbidden(string detail) =>
        Results.Problem(title: "The API key may not do this", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static IResult NotFound(string detail) =>
        Results.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static IResult NoGoals() => Results.Problem(
        title: "No goals yet", detail: "No goals file has been imported; run `kpibot goals import FILE`.", statusCode: StatusCodes.Status409Conflict);
}
