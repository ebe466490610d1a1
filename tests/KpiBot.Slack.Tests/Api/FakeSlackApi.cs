using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KpiBot.Slack.Tests.Api;

/// <summary>
/// A fake Slack Web API: a real Kestrel server on 127.0.0.1 that records every call and answers like Slack
/// (ok:true with a channel and ts), or as a test scripts it for a method (429 with Retry-After, ok:false, 500).
/// </summary>
internal sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body, string? RetryAfter)>> _scripted = new(StringComparer.Ordinal);
    private int _ts;

    private FakeSlackApi(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    public Uri BaseUrl => new(_app.Urls.First() + "/api/");

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.MapPost("/api/{method}", fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>The next call of <paramref name="method"/> gets this answer instead of the default.</summary>
    public void Answer(string method, int status, string body, string? retryAfter = null) =>
        _scripted.GetOrAdd(method, _ => new()).Enqueue((status, body, retryAfter));

    public RecordedCall Single(string method) => Assert.Single(Calls, c => c.Method == method);

    private async Task HandleAsync(HttpContext context, string method)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        Calls.Enqueue(new RecordedCall(method, context.Request.Headers.Authorization.ToString(), context.Request.ContentType ?? string.Empty, body));
        if (_scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted))
        {
            context.Response.StatusCode = scripted.Status;
            if (scripted.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(scripted.Body);
            return;
        }

        var answer = new JsonObject { ["ok"] = true };
        switch (method)
        {
            case "chat.postMessage" or "chat.update":
                answer["channel"] = JsonNode.Parse(body)?["channel"]?.GetValue<string>();
                answer["ts"] = method == "chat.update" ? JsonNode.Parse(body)?["ts"]?.GetValue<string>() : $"1700000000.{Interlocked.Increment(ref _ts):D6}";
                break;
            case "conversations.open":
                answer["channel"] = new JsonObject { ["id"] = "D" + JsonNode.Parse(body)?["users"]?.GetValue<string>() };
                break;
            case "users.lookupByEmail" or "users.info":
                answer["user"] = new JsonObject { ["id"] = "U0ALICE", ["tz"] = "Asia/Tokyo", ["tz_offset"] = 32400, ["locale"] = "ja-JP", ["is_bot"] = false };
                break;
            case "auth.test":
                answer["user_id"] = "U0LAN0Z89";
                answer["bot_id"] = "B0LAN0Z89";
                answer["team_id"] = "T061EG9R6";
                answer["url"] = "https://example.slack.com/";
                break;
        }

        await context.Response.WriteAsJsonAsync(answer);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

internal sealed record RecordedCall(string Method, string Authorization, string ContentType, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body)!;
}
