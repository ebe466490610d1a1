using KpiBot.Core.Chat;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Conversations;
using KpiBot.Core.Views;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Engine;
using KpiBot.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Host.Tests.Engine;

/// <summary>
/// Runs scenarios on two real hosts, each with its own Hangfire server, sharing one database, a fake clock
/// and an in-memory chat port. Steps alternate between the hosts; inputs alternate too, as a load balancer would.
/// </summary>
internal sealed class TwoHostDriver : IEngineDriver, IAsyncDisposable
{
    private readonly List<(DateTimeOffset At, SentMessage Message)> _log = [];
    private readonly EngineHost[] _hosts;
    private int _turn;

    private TwoHostDriver(EngineHost[] hosts, FakeTimeProvider time, InMemoryChatPort chat)
    {
        _hosts = hosts;
        Time = time;
        Chat = chat;
    }

    public FakeTimeProvider Time { get; }

    public InMemoryChatPort Chat { get; }

    public IReadOnlyList<(DateTimeOffset At, SentMessage Message)> Log => _log;

    public static async Task<TwoHostDriver> StartAsync(TestDatabase db, DateTimeOffset start)
    {
        var time = new FakeTimeProvider(start);
        var chat = new InMemoryChatPort();
        var a = EngineHost.Start(db, time, chat);
        var b = EngineHost.Start(db, time, chat);
        var driver = new TwoHostDriver([a, b], time, chat);
        await a.InScopeAsync(async s =>
        {
            var model = await s.GetRequiredService<GoalsStore>().LoadCurrentAsync(CancellationToken.None);
            var identities = s.GetRequiredService<IIdentityStore>();
            foreach (var person in model!.People)
            {
                await identities.LinkAsync(EngineAddresses.UserOf(person.Id), person.Id, start, CancellationToken.None);
            }

            return true;
        });
        return driver;
    }

    private EngineHost Next() => _hosts[_turn++ % _hosts.Length];

    public async Task RunUntilAsync(DateTimeOffset until)
    {
        while (Time.GetUtcNow() < until)
        {
            var next = Time.GetUtcNow() + TimeSpan.FromMinutes(5);
            Time.Advance((next > until ? until : next) - Time.GetUtcNow());
            var run = await Next().DispatchAsync();
            if (run.Claimed > 0 || run.Stranded > 0)
            {
                await SettleAsync();
            }
        }
    }

    public async Task<ChatReply> SayAsync(string personId, string text, ConversationAddress? channel = null)
    {
        var reply = await Next().InScopeAsync(s => s.GetRequiredService<ConversationService>().HandleAsync(
            new IncomingMessage(
                EngineAddresses.UserOf(personId), channel ?? EngineAddresses.DmOf(personId),
                channel is null ? ConversationKind.Personal : ConversationKind.Channel, text),
            CancellationToken.None));
        await SettleAsync();
        return reply;
    }

    public async Task<ChatReply> AnswerAsync(
        string personId, CheckInPromptView card, IReadOnlyDictionary<string, string?> values, CardAction action = CardAction.Submit, string? note = null)
    {
        var reply = await Next().InScopeAsync(s => s.GetRequiredService<ConversationService>().HandleAsync(
            EngineAddresses.Submission(personId, card, values, action, note), CancellationToken.None));
        await SettleAsync();
        return reply;
    }

    public Task<IReadOnlyList<CheckInEntry>> EntriesAsync(string personId, DateOnly day) =>
        Next().InScopeAsync(s => s.GetRequiredService<ICheckInRepository>().GetDayAsync(personId, day, CancellationToken.None));

    /// <summary>Waits for the workers, then notes what they sent at the current fake time.</summary>
    private async Task SettleAsync()
    {
        await _hosts[0].DrainAsync();
        foreach (var message in Chat.Sent.Skip(_log.Count))
        {
            _log.Add((Time.GetUtcNow(), message));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }
}
