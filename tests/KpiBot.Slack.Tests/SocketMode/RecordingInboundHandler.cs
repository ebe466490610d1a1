using System.Collections.Concurrent;
using System.Threading.Channels;
using KpiBot.Slack.Inbound;

namespace KpiBot.Slack.Tests.SocketMode;

/// <summary>An inbound handler that records what it is given and answers as the test says.</summary>
internal sealed class RecordingInboundHandler : ISlackInboundHandler
{
    private readonly Channel<SlackInbound> _received = Channel.CreateUnbounded<SlackInbound>();

    public ConcurrentQueue<SlackInbound> All { get; } = new();

    public Func<SlackInbound, SlackAck> Answer { get; set; } = _ => SlackAck.Empty;

    public Task<SlackAck> HandleAsync(SlackInbound inbound, CancellationToken cancellationToken)
    {
        All.Enqueue(inbound);
        _received.Writer.TryWrite(inbound);
        return Task.FromResult(Answer(inbound));
    }

    public async Task<SlackInbound> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _received.Reader.ReadAsync(timeout.Token);
    }
}
