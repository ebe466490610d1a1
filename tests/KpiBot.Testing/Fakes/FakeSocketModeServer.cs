using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KpiBot.Testing.Fakes;

/// <summary>
/// A fake Slack for Socket Mode: a real Kestrel server on 127.0.0.1 that answers <c>apps.connections.open</c>
/// with a <c>ws://</c> URL to itself (a new ticket each time), accepts the WebSocket, says <c>hello</c>, and
/// lets a test push envelopes (whole or in fragments), read the acks, ask for a reconnect (<c>disconnect</c>)
/// or drop the connection without a goodbye. A host test can serve <c>apps.connections.open</c> from its fake Web API
/// instead (<see cref="Open"/>), so one <c>Slack:ApiBaseUrl</c> serves both.
/// </summary>
public sealed class FakeSocketModeServer : IAsyncDisposable
{
    public const string GoodAppToken = "xapp-1-A111-good-secret";

    private readonly WebApplication _app;
    private readonly Channel<Connection> _connections = Channel.CreateUnbounded<Connection>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _acks = new(StringComparer.Ordinal);
    private int _tickets;
    private int _envelopes;

    private FakeSocketModeServer(WebApplication app) => _app = app;

    public Uri BaseUrl => new(_app.Urls.First() + "/api/");

    /// <summary>Every <c>apps.connections.open</c> call's Authorization header.</summary>
    public ConcurrentQueue<string> OpenCalls { get; } = new();

    /// <summary>The tickets handed out, to check that none is logged.</summary>
    public ConcurrentQueue<string> Tickets { get; } = new();

    public static async Task<FakeSocketModeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeSocketModeServer(app);
        app.UseWebSockets();
        app.MapPost("/api/apps.connections.open", fake.OpenAsync);
        app.Map("/link", fake.AcceptAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>The next connection the client opens (after its <c>hello</c> was sent).</summary>
    public async Task<Connection> NextConnectionAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _connections.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The ack of <paramref name="envelopeId"/>, whichever connection it came back on.</summary>
    public async Task<JsonObject> AckAsync(string envelopeId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await AckSource(envelopeId).Task.WaitAsync(timeout.Token);
    }

    public bool WasAcked(string envelopeId) => _acks.TryGetValue(envelopeId, out var ack) && ack.Task.IsCompleted;

    internal string NewEnvelopeId() => $"env-{Interlocked.Increment(ref _envelopes)}-57d6c7cf";

    private TaskCompletionSource<JsonObject> AckSource(string envelopeId) =>
        _acks.GetOrAdd(envelopeId, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>
    /// What <c>apps.connections.open</c> answers to this Authorization header: a <c>ws://</c> URL to this server with a
    /// new ticket for the good app token, else <c>invalid_auth</c>.
    /// </summary>
    public JsonObject Open(string authorization)
    {
        OpenCalls.Enqueue(authorization);
        if (authorization != "Bearer " + GoodAppToken)
        {
            return new JsonObject { ["ok"] = false, ["error"] = "invalid_auth" };
        }

        var ticket = $"ticket-{Interlocked.Increment(ref _tickets)}-0f3e4c1a9b";
        Tickets.Enqueue(ticket);
        var url = _app.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal) + $"/link/?ticket={ticket}&app_id=A111";
        return new JsonObject { ["ok"] = true, ["url"] = url };
    }

    private IResult OpenAsync(HttpContext context) => Results.Json(Open(context.Request.Headers.Authorization.ToString()));

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || !Tickets.Contains(context.Request.Query["ticket"].ToString()))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new Connection(this, socket, context);
        await connection.SendAsync(new JsonObject { ["type"] = "hello", ["num_connections"] = 1 });
        _connections.Writer.TryWrite(connection);
        await connection.ReadAcksAsync();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>One client connection as the server sees it.</summary>
    public sealed class Connection(FakeSocketModeServer server, WebSocket socket, HttpContext context)
    {
        private readonly SemaphoreSlim _send = new(1, 1);

        /// <summary>Whether the client closed this connection with a close frame (false: it went without one).</summary>
        public TaskCompletionSource<bool> ClosedByClientSource { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the connection ends; true when the client sent a close frame.</summary>
        public Task<bool> ClosedByClient => ClosedByClientSource.Task.WaitAsync(TimeSpan.FromSeconds(30));

        /// <summary>Pushes an envelope; returns its id. <paramref name="fragments"/> &gt; 1 splits the text message into that many frames.</summary>
        public async Task<string> SendEnvelopeAsync(string type, JsonNode? payload, int fragments = 1, int retryAttempt = 0)
        {
            var id = server.NewEnvelopeId();
            server.AckSource(id);
            await SendAsync(
                new JsonObject
                {
                    ["envelope_id"] = id,
                    ["type"] = type,
                    ["payload"] = payload,
                    ["accepts_response_payload"] = type != "events_api",
                    ["retry_attempt"] = retryAttempt,
                    ["retry_reason"] = retryAttempt > 0 ? "timeout" : string.Empty,
                },
                fragments);
            return id;
        }

        /// <summary>Asks the client to reconnect, as Slack does before it retires a connection.</summary>
        public Task DisconnectAsync(string reason = "refresh_requested") =>
            SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake" } });

        /// <summary>Closes the connection properly (a close frame), as a server going away would.</summary>
        public async Task CloseAsync()
        {
            await _send.WaitAsync();
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "going away", CancellationToken.None);
            }
            finally
            {
                _send.Release();
            }
        }

        /// <summary>Drops the TCP connection without a close frame (network loss).</summary>
        public void Drop() => context.Abort();

        public async Task SendAsync(JsonNode message, int fragments = 1)
        {
            var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
            var size = (bytes.Length + fragments - 1) / fragments;
            await _send.WaitAsync();
            try
            {
                for (var offset = 0; offset < bytes.Length; offset += size)
                {
                    var count = Math.Min(size, bytes.Length - offset);
                    await socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count >= bytes.Length, CancellationToken.None);
                }
            }
            finally
            {
                _send.Release();
            }
        }

        internal async Task ReadAcksAsync()
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
                {
                    using var message = new MemoryStream();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                        message.Write(buffer, 0, result.Count);
                    }
                    while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        ClosedByClientSource.TrySetResult(true);
                        if (socket.State == WebSocketState.CloseReceived)
                        {
                            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                        }

                        return;
                    }

                    var ack = JsonNode.Parse(message.ToArray())!.AsObject();
                    server.AckSource(ack["envelope_id"]!.GetValue<string>()).TrySetResult(ack);
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
            finally
            {
                ClosedByClientSource.TrySetResult(false);
            }
        }
    }
}
