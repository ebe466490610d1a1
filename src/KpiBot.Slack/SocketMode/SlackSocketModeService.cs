using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using KpiBot.Slack.Api;
using KpiBot.Slack.Inbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpiBot.Slack.SocketMode;

/// <summary>
/// Holds one Socket Mode connection to Slack: asks <c>apps.connections.open</c> for a URL, connects, hands every
/// envelope to <see cref="ISlackInboundHandler"/> (parsed like HTTP) and acknowledges it with the handler's
/// payload; opens a new URL when Slack sends <c>disconnect</c>, and reconnects with capped, jittered back-off when
/// the connection closes or the network goes. Each host runs one; Slack spreads envelopes over an app's
/// connections (up to 10), so several hosts share the load and each envelope reaches one of them — retries may
/// reach another, which is why the handler de-duplicates on <c>event_id</c>. Without <c>Slack:AppToken</c> it
/// logs one line and does nothing.
/// </summary>
public sealed class SlackSocketModeService(
    IServiceScopeFactory scopes,
    SocketModeBackoff backoff,
    IOptions<SlackOptions> options,
    ILogger<SlackSocketModeService> logger) : BackgroundService
{
    /// <summary>Far above any Slack payload (a modal is at most 250 KB); a bigger message closes the connection.</summary>
    internal const int MaxMessageBytes = 4 * 1024 * 1024;

    private static readonly string[] UnrecoverableErrors = ["invalid_auth", "not_authed", "account_inactive", "team_disabled", "user_removed_from_team", "not_allowed_token_type", "not_configured"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.AppToken))
        {
            SocketModeLog.Off(logger);
            return;
        }

        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var end = await ConnectOnceAsync(stoppingToken).ConfigureAwait(false);
                failures = end.HelloSeen ? 0 : failures;
                if (end.Reconnect == Reconnect.Now)
                {
                    continue;
                }

                failures++;
                var delay = Max(backoff.Delay(failures, Random.Shared.NextDouble()), end.AtLeast);
                switch (end.Reconnect)
                {
                    case Reconnect.TokenRefused:
                        SocketModeLog.AppTokenRefused(logger, end.Problem, delay);
                        break;
                    case Reconnect.OpenFailed:
                        SocketModeLog.OpenFailed(logger, end.Problem, delay);
                        break;
                    default:
                        SocketModeLog.ConnectionLost(logger, end.Problem, delay);
                        break;
                }

                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        SocketModeLog.Stopped(logger);
    }

    private async Task<ConnectionEnd> ConnectOnceAsync(CancellationToken stoppingToken)
    {
        Uri url;
        try
        {
            // A typed HttpClient per attempt, so the factory's handler rotation (DNS changes) applies to a long-lived service.
            using var scope = scopes.CreateScope();
            url = await scope.ServiceProvider.GetRequiredService<SlackConnectionsClient>().OpenAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (SlackRateLimitedException e)
        {
            return new ConnectionEnd(Reconnect.OpenFailed, "ratelimited", AtLeast: e.RetryAfter);
        }
        catch (SlackApiException e)
        {
            return new ConnectionEnd(UnrecoverableErrors.Contains(e.Error) ? Reconnect.TokenRefused : Reconnect.OpenFailed, e.Error);
        }
        catch (HttpRequestException e)
        {
            return new ConnectionEnd(Reconnect.OpenFailed, e.HttpRequestError.ToString());
        }
        catch (TaskCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return new ConnectionEnd(Reconnect.OpenFailed, "timeout");
        }

        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(15);
        var connection = new Connection(socket);
        try
        {
            await socket.ConnectAsync(url, stoppingToken).ConfigureAwait(false);
            // On stop: a close frame, and Slack's answering close ends the receive loop (cancelling a receive would abort the socket instead).
            using var closeOnStop = stoppingToken.Register(() => _ = connection.CloseOrAbortAsync());
            return await ReceiveAsync(connection, url, stoppingToken).ConfigureAwait(false);
        }
        catch (WebSocketException e) when (!stoppingToken.IsCancellationRequested)
        {
            return new ConnectionEnd(Reconnect.Later, e.WebSocketErrorCode.ToString(), connection.HelloSeen);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // Whatever else breaks a connection (an aborted keep-alive, a refused upgrade) must not stop the service: reconnect.
            return new ConnectionEnd(Reconnect.Later, e.GetType().Name, connection.HelloSeen);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(stoppingToken);
        }
        finally
        {
            await connection.DrainAsync().ConfigureAwait(false);
        }
    }

    private async Task<ConnectionEnd> ReceiveAsync(Connection connection, Uri url, CancellationToken stoppingToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        while (true)
        {
            buffer.ResetWrittenCount();
            if (!await ReceiveMessageAsync(connection.Socket, buffer, CancellationToken.None).ConfigureAwait(false))
            {
                stoppingToken.ThrowIfCancellationRequested();
                await connection.CloseAsync().ConfigureAwait(false);
                return new ConnectionEnd(Reconnect.Later, "closed by Slack", connection.HelloSeen);
            }

            SocketModeEnvelope? envelope;
            try
            {
                envelope = JsonSerializer.Deserialize(buffer.WrittenSpan, SocketModeJsonContext.Default.SocketModeEnvelope);
            }
            catch (JsonException)
            {
                envelope = null;
            }

            switch (envelope)
            {
                case null:
                    SocketModeLog.UnreadableFrame(logger);
                    break;
                case { Type: "hello" }:
                    connection.HelloSeen = true;
                    SocketModeLog.Connected(logger, url.Host);
                    break;
                case { Type: "disconnect" }:
                    SocketModeLog.DisconnectRequested(logger, envelope.Reason ?? "no reason");

                    // Acks of envelopes in hand still go out on this connection, then goodbye.
                    await connection.DrainAsync().ConfigureAwait(false);
                    await connection.CloseAndAwaitGoodbyeAsync().ConfigureAwait(false);

                    // link_disabled: Socket Mode was turned off for the app; keep trying, but not in a tight loop.
                    return envelope.Reason == "link_disabled"
                        ? new ConnectionEnd(Reconnect.Later, "link_disabled", connection.HelloSeen)
                        : new ConnectionEnd(Reconnect.Now, envelope.Reason ?? "disconnect", connection.HelloSeen);
                case { EnvelopeId.Length: > 0 }:
                    connection.Track(HandleAsync(connection, envelope, stoppingToken));
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Reads one whole text message (however many frames it came in) into <paramref name="buffer"/>; false when the socket closed.</summary>
    private static async Task<bool> ReceiveMessageAsync(WebSocket socket, ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(8 * 1024), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return false;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxMessageBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, "message too large");
            }

            if (result.EndOfMessage)
            {
                if (result.MessageType == WebSocketMessageType.Text)
                {
                    return true;
                }

                buffer.ResetWrittenCount();
            }
        }
    }

    private async Task HandleAsync(Connection connection, SocketModeEnvelope envelope, CancellationToken stoppingToken)
    {
        var id = envelope.EnvelopeId!;
        if (envelope.RetryAttempt > 0)
        {
            SocketModeLog.Retry(logger, id, envelope.Type, envelope.RetryAttempt, envelope.RetryReason);
        }

        JsonElement? answer = null;
        var inbound = SocketModeInbound.Parse(envelope);
        if (inbound is SlackInbound.Malformed malformed)
        {
            SocketModeLog.Malformed(logger, id, envelope.Type, malformed.Reason);
        }
        else
        {
            try
            {
                var scope = scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var handler = scope.ServiceProvider.GetRequiredService<ISlackInboundHandler>();
                    var ack = await handler.HandleAsync(inbound, stoppingToken).ConfigureAwait(false);
                    answer = ReadPayload(id, ack.PayloadJson);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                SocketModeLog.HandlerFailed(logger, e, id, envelope.Type);
            }
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(new SocketModeAck(id, answer), SocketModeJsonContext.Default.SocketModeAck);
        await connection.SendAsync(bytes, stoppingToken).ConfigureAwait(false);
    }

    private JsonElement? ReadPayload(string envelopeId, string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            SocketModeLog.InvalidAckPayload(logger, envelopeId);
            return null;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan? b) => b is { } x && x > a ? x : a;

    private enum Reconnect
    {
        /// <summary>Slack asked for it (<c>disconnect</c>): open a new URL at once.</summary>
        Now,

        /// <summary>The connection closed or failed: back off.</summary>
        Later,

        /// <summary>apps.connections.open failed for a reason that may pass.</summary>
        OpenFailed,

        /// <summary>apps.connections.open refused the token: an operator must act; keep backing off.</summary>
        TokenRefused,
    }

    private sealed record ConnectionEnd(Reconnect Reconnect, string Problem, bool HelloSeen = false, TimeSpan? AtLeast = null);
}
