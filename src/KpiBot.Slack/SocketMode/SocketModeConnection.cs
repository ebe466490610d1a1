using System.Net.WebSockets;

namespace KpiBot.Slack.SocketMode;

/// <summary>
/// One open WebSocket: sends one message at a time (acks come from concurrent handlers), closes once, and keeps
/// track of the handlers still running so a reconnect waits for their acks to be attempted.
/// </summary>
internal sealed class Connection(ClientWebSocket socket)
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly List<Task> _handlers = [];
    private readonly Lock _lock = new();
    private int _closing;

    public ClientWebSocket Socket => socket;

    public bool HelloSeen { get; set; }

    public void Track(Task handler)
    {
        lock (_lock)
        {
            _handlers.RemoveAll(t => t.IsCompleted);
            _handlers.Add(handler);
        }
    }

    /// <summary>Sends one text message; a socket that is already closing or gone drops it (Slack redelivers unacknowledged envelopes).</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        try
        {
            await _send.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            if (socket.State == WebSocketState.Open && Volatile.Read(ref _closing) == 0)
            {
                await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>Says goodbye (close frame) once, waiting briefly for sends in flight; aborts when that does not finish in time.</summary>
    public async Task CloseAsync()
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(CloseTimeout);
        try
        {
            await _send.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _send.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    /// <summary>
    /// Closes and waits (at most <see cref="CloseTimeout"/>) for the other side's close frame, discarding what arrives
    /// meanwhile (Slack redelivers unacknowledged envelopes), so the TCP connection ends after the closing handshake:
    /// ending it right after our close frame lets the server see a dropped connection instead of a goodbye.
    /// </summary>
    public async Task CloseAndAwaitGoodbyeAsync()
    {
        await CloseAsync().ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(CloseTimeout);
        var buffer = new byte[4 * 1024];
        try
        {
            while (socket.State == WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    /// <summary>Closes, then aborts if the other side has not finished closing within a short while (a dead network never answers).</summary>
    public async Task CloseOrAbortAsync()
    {
        await CloseAsync().ConfigureAwait(false);
        await Task.Delay(CloseTimeout).ConfigureAwait(false);
        if (socket.State != WebSocketState.Closed)
        {
            socket.Abort();
        }
    }

    /// <summary>
    /// Waits for the handlers started on this connection (each ends with its ack attempt), at most
    /// <see cref="DrainTimeout"/>: an ack later than Slack's 3 seconds is worthless, and a stuck handler must not
    /// keep the bot offline.
    /// </summary>
    public async Task DrainAsync()
    {
        Task[] running;
        lock (_lock)
        {
            running = [.. _handlers];
        }

        try
        {
            await Task.WhenAll(running).WaitAsync(DrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }
}
