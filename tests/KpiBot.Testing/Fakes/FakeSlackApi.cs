using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

using Xunit;

namespace KpiBot.Testing.Fakes;

/// <summary>
/// A fake Slack Web API: a real Kestrel server on 127.0.0.1 that records every call and answers like Slack
/// (ok:true with a channel and ts), or as a test scripts it for a method (429 with Retry-After, ok:false, 500).
/// users.info answers with the profile a test gave for that user (<see cref="AddUser"/>). It also takes the
/// posts to a slash command's or interaction's <c>response_url</c> (<see cref="ResponseUrl"/>), recorded as
/// method <c>response_url</c>. The users a test adds (<see cref="AddUser"/>, <see cref="AddMember"/>) are the
/// workspace's directory: users.list pages through them in id order (<see cref="UsersPageSize"/> at most, the
/// cursor being the next index), and users.lookupByEmail finds them by email (else <c>users_not_found</c>).
/// files.getUploadURLExternal gives an upload URL on this fake and a file id; what is POSTed there is kept in
/// <see cref="Uploads"/>; files.completeUploadExternal answers with the files it was given.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body, string? RetryAfter)>> _scripted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<RecordedCall, JsonNode>> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan> _delays = new(StringComparer.Ordinal);
    private int _ts;

    /// <summary>
    /// The workspace the fake's bot token belongs to (what auth.test answers), and the one every test's requests come
    /// from unless a test means another: KpiBot serves only workspaces it has a token for.
    /// </summary>
    public const string TeamId = "T0SAMPLE";

    private FakeSlackApi(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    public Uri BaseUrl => new(_app.Urls.First() + "/api/");

    /// <summary>A <c>response_url</c> on this fake; posts to it are recorded as method <c>response_url</c>.</summary>
    public Uri ResponseUrl => new(_app.Urls.First() + "/respond/1");

    private readonly ConcurrentDictionary<string, FakeSlackMember> _users = new(StringComparer.Ordinal);

    /// <summary>What users.info answers for <paramref name="userId"/> (else a default Tokyo profile without email).</summary>
    public void AddUser(string userId, string? email, string? tz = "Asia/Tokyo", string? locale = "ja-JP") => _users[userId] = new FakeSlackMember(userId, email, tz, locale);

    /// <summary>A user of the directory with every flag users.list shows (bot, deleted, guest, other workspace).</summary>
    public void AddMember(FakeSlackMember member) => _users[member.Id] = member;

    /// <summary>The most users one users.list page holds (Slack: the request's <c>limit</c>); tests lower it to get several pages.</summary>
    public int UsersPageSize { get; set; } = 200;

    /// <summary>The calls of <paramref name="method"/> so far, in order.</summary>
    public IReadOnlyList<RecordedCall> Of(string method) => [.. Calls.Where(c => c.Method == method)];

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.MapPost("/api/{method}", fake.HandleAsync);
        app.MapPost("/respond/{id}", (HttpContext context) => fake.HandleAsync(context, "response_url"));
        app.MapPost("/upload/{fileId}", fake.HandleUploadAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>The next call of <paramref name="method"/> gets this answer instead of the default.</summary>
    public void Answer(string method, int status, string body, string? retryAfter = null) =>
        _scripted.GetOrAdd(method, _ => new()).Enqueue((status, body, retryAfter));

    /// <summary>
    /// Every later call of <paramref name="method"/> (after any scripted <see cref="Answer"/>) is answered with what
    /// <paramref name="answer"/> makes of it; e.g. <c>apps.connections.open</c> by a <see cref="FakeSocketModeServer"/>.
    /// </summary>
    public void AnswerAlways(string method, Func<RecordedCall, JsonNode> answer) => _handlers[method] = answer;

    /// <summary>
    /// Every later call of <paramref name="method"/> is answered only after <paramref name="delay"/> (a slow platform).
    /// The call is recorded when it arrives: a message the client gave up waiting for was still posted, as on Slack.
    /// </summary>
    public void Delay(string method, TimeSpan delay) => _delays[method] = delay;

    public RecordedCall Single(string method) => Assert.Single(Calls, c => c.Method == method);

    /// <summary>
    /// A platform fault, asked of every call after it is recorded: null answers normally; otherwise the call waits
    /// <see cref="FakeFault.Delay"/> (a slow platform) and, when <see cref="FakeFault.Status"/> is not 0, is answered
    /// with that status (and Retry-After) instead of being carried out. Used by the fault suite.
    /// </summary>
    public Func<RecordedCall, FakeFault?>? Fault { get; set; }

    /// <summary>Calls answered with a <see cref="Fault"/>'s error status: the platform did not carry them out.</summary>
    public ConcurrentQueue<RecordedCall> Refused { get; } = new();

    /// <summary>
    /// The files received at the upload URLs files.getUploadURLExternal gave out, by file id (the multipart form's
    /// <c>filename</c> part). Each upload is also recorded as a call of method <c>file_upload</c> (body: the file id).
    /// </summary>
    public ConcurrentDictionary<string, UploadedFile> Uploads { get; } = new(StringComparer.Ordinal);

    private int _files;

    private async Task HandleUploadAsync(HttpContext context, string fileId)
    {
        var call = new RecordedCall("file_upload", context.Request.Headers.Authorization.ToString(), context.Request.ContentType ?? string.Empty, fileId);
        Calls.Enqueue(call);
        if (_scripted.TryGetValue("file_upload", out var queue) && queue.TryDequeue(out var scripted))
        {
            context.Response.StatusCode = scripted.Status;
            await context.Response.WriteAsync(scripted.Body);
            return;
        }

        var form = await context.Request.ReadFormAsync();
        var file = form.Files.GetFile("filename");
        if (file is null)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
        Uploads[fileId] = new UploadedFile(file.FileName, file.ContentType, bytes.ToArray());
        await context.Response.WriteAsync("OK - " + bytes.Length);
    }

    private async Task HandleAsync(HttpContext context, string method)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var call = new RecordedCall(method, context.Request.Headers.Authorization.ToString(), context.Request.ContentType ?? string.Empty, body);
        Calls.Enqueue(call);
        if (Fault?.Invoke(call) is { } fault)
        {
            try
            {
                await Task.Delay(fault.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (fault.Status != 0)
            {
                Refused.Enqueue(call);
                context.Response.StatusCode = fault.Status;
                if (fault.RetryAfter is { } wait)
                {
                    context.Response.Headers.RetryAfter = wait;
                }

                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(fault.Status == 429 ? "{\"ok\":false,\"error\":\"ratelimited\"}" : "{\"ok\":false,\"error\":\"fatal_error\"}");
                return;
            }
        }

        if (_delays.TryGetValue(method, out var delay) && delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

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

        if (_handlers.TryGetValue(method, out var handler))
        {
            await context.Response.WriteAsJsonAsync(handler(call));
            return;
        }

        var answer = new JsonObject { ["ok"] = true };
        switch (method)
        {
            case "chat.postMessage" or "chat.update":
                answer["channel"] = JsonNode.Parse(body)?["channel"]?.GetValue<string>();
                answer["ts"] = method == "chat.update" ? JsonNode.Parse(body)?["ts"]?.GetValue<string>() : $"1700000000.{Interlocked.Increment(ref _ts):D6}";
                break;
            case "files.getUploadURLExternal":
                var fileId = $"F{Interlocked.Increment(ref _files):D8}";
                answer["upload_url"] = _app.Urls.First() + "/upload/" + fileId;
                answer["file_id"] = fileId;
                break;
            case "files.completeUploadExternal" when Field(context, body, "files") is { } files:
                answer["files"] = JsonNode.Parse(files);
                break;
            case "conversations.open":
                answer["channel"] = new JsonObject { ["id"] = "D" + JsonNode.Parse(body)?["users"]?.GetValue<string>() };
                break;
            case "users.info" when Field(context, body, "user") is { } id && _users.TryGetValue(id, out var user):
                answer["user"] = user.ToJson();
                break;
            case "users.lookupByEmail" when Field(context, body, "email") is { } email:
                if (_users.Values.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase)) is { } found)
                {
                    answer["user"] = found.ToJson();
                    break;
                }

                answer = new JsonObject { ["ok"] = false, ["error"] = "users_not_found" };
                break;
            case "users.list":
                var limit = Math.Min(UsersPageSize, int.TryParse(Field(context, body, "limit"), out var asked) ? asked : 1000);
                var from = int.TryParse(Field(context, body, "cursor"), out var cursor) ? cursor : 0;
                var members = _users.Values.OrderBy(u => u.Id, StringComparer.Ordinal).ToList();
                answer["members"] = new JsonArray([.. members.Skip(from).Take(limit).Select(u => (JsonNode)u.ToJson())]);
                answer["response_metadata"] = new JsonObject { ["next_cursor"] = from + limit < members.Count ? (from + limit).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty };
                break;
            case "users.info":
                answer["user"] = new JsonObject { ["id"] = "U0ALICE", ["tz"] = "Asia/Tokyo", ["tz_offset"] = 32400, ["locale"] = "ja-JP", ["is_bot"] = false };
                break;
            case "auth.test":
                answer["user_id"] = "U0LAN0Z89";
                answer["bot_id"] = "B0LAN0Z89";
                answer["team_id"] = TeamId;
                answer["url"] = "https://example.slack.com/";
                break;
        }

        await context.Response.WriteAsJsonAsync(answer);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static string? Field(HttpContext context, string body, string name) =>
        context.Request.HasFormContentType
            ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body).TryGetValue(name, out var v) ? v.ToString() : null
            : JsonNode.Parse(body)?[name]?.GetValue<string>();
}

/// <summary>A Slack user of the fake's directory, as users.list / users.info / users.lookupByEmail show them.</summary>
public sealed record FakeSlackMember(
    string Id,
    string? Email,
    string? Tz = "Asia/Tokyo",
    string? Locale = "ja-JP",
    bool IsBot = false,
    bool Deleted = false,
    bool IsRestricted = false,
    bool IsUltraRestricted = false,
    string? TeamId = null)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id, ["team_id"] = TeamId, ["tz"] = Tz, ["tz_offset"] = 32400, ["locale"] = Locale, ["is_bot"] = IsBot,
        ["deleted"] = Deleted, ["is_restricted"] = IsRestricted, ["is_ultra_restricted"] = IsUltraRestricted,
        ["profile"] = new JsonObject { ["email"] = Email, ["real_name"] = Id },
    };
}

/// <summary>A file received at an upload URL: its name, content type and bytes.</summary>
public sealed record UploadedFile(string FileName, string ContentType, byte[] Content);

/// <summary>What a faulty platform does with one call: wait, then answer <paramref name="Status"/> (0: carry it out).</summary>
public sealed record FakeFault(TimeSpan Delay, int Status = 0, string? RetryAfter = null);

public sealed record RecordedCall(string Method, string Authorization, string ContentType, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body)!;
}
