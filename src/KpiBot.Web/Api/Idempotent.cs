using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KpiBot.Core.Reporting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace KpiBot.Web.Api;

/// <summary>
/// Runs a write once per <c>Idempotency-Key</c> (per API key, kept 24 hours): the first request claims the key and
/// its answer is stored; a retry with the same key and body gets that answer again and changes nothing; the same key
/// with another body is refused (422); a retry while the first is still running is told to wait (409).
/// </summary>
internal sealed class Idempotent(IIdempotencyStore store, TimeProvider time, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public const string Header = "Idempotency-Key";
    private const int MaxKeyLength = 200;

    public async Task<IResult> RunAsync(HttpContext context, string body, Func<Task<(int Status, object Payload)>> work)
    {
        var key = context.Request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            var (status, payload) = await work();
            return Answer(status, Serialize(payload));
        }

        if (key.Length > MaxKeyLength)
        {
            return Problems.BadRequest(Header, $"The {Header} header may have at most {MaxKeyLength} characters.");
        }

        var apiKey = ApiClaims.IdOf(context.User);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{context.Request.Method} {context.Request.Path}\n{body}")));
        var claim = await store.ClaimAsync(apiKey, key, hash, time.GetUtcNow(), context.RequestAborted);
        switch (claim.State)
        {
            case IdempotencyState.Completed:
                context.Response.Headers["Idempotent-Replayed"] = "true";
                return Answer(claim.StatusCode!.Value, claim.ResponseBody ?? string.Empty);
            case IdempotencyState.InProgress:
                context.Response.Headers.RetryAfter = "1";
                return Results.Problem(title: "The first request with this key is still running", statusCode: StatusCodes.Status409Conflict,
                    detail: $"Retry in a moment with the same {Header} to get its answer.");
            case IdempotencyState.Mismatch:
                return Results.Problem(title: $"This {Header} was used for another request", statusCode: StatusCodes.Status422UnprocessableEntity,
                    detail: $"A key stands for one request: send a new {Header} for a different body.");
        }

        try
        {
            var (status, payload) = await work();
            var text = Serialize(payload);
            await store.CompleteAsync(apiKey, key, status, text, time.GetUtcNow(), CancellationToken.None);
            return Answer(status, text);
        }
        catch
        {
            await store.ReleaseAsync(apiKey, key, CancellationToken.None);
            throw;
        }
    }

    private string Serialize(object payload) => JsonSerializer.Serialize(payload, payload.GetType(), json.Value.SerializerOptions);

    private static IResult Answer(int status, string body) =>
        Results.Content(body, status >= 400 ? "application/problem+json" : "application/json", Encoding.UTF8, status);

    /// <summary>A problem document as the write returns it (stored and replayed like any answer).</summary>
    public static (int Status, object Payload) Problem(int status, string title, string detail, IReadOnlyList<RowError> errors) =>
        (status, new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["errors"] = errors } });
}
